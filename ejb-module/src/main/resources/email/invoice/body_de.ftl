Hallo ${customerName},

anbei erhalten Sie die Rechnung ${invoiceNumber} zu Ihrer Bestellung ${orderId?c}.
Gesamtbetrag: ${total}

Vielen Dank für Ihren Einkauf bei ${vendorName}.
