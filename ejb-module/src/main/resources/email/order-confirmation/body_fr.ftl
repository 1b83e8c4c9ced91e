Bonjour ${customerName},

nous avons confirmé votre commande ${orderId?c}.
Total : ${total}

Merci de vos achats chez ${vendorName}.
