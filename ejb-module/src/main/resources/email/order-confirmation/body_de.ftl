Hallo ${customerName},

wir haben Ihre Bestellung ${orderId?c} bestätigt.
Summe: ${total}

Vielen Dank für Ihren Einkauf bei ${vendorName}.
