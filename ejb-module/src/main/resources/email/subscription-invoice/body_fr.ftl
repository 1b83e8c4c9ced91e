Bonjour ${vendorName},

votre abonnement Orion (${plan}) est renouvelé du ${periodStart} au ${periodEnd}.
La facture ${invoiceNumber} est jointe. Total : ${total}

Orion
