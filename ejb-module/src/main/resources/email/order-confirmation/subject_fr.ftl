Votre commande ${orderId?c} chez ${vendorName} est confirmée
