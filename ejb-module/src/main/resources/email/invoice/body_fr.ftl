Bonjour ${customerName},

vous trouverez ci-joint la facture ${invoiceNumber} de votre commande ${orderId?c}.
Total : ${total}

Merci de vos achats chez ${vendorName}.
