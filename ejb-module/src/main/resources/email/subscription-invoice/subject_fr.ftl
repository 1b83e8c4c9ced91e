Facture Orion ${invoiceNumber} : formule ${plan}, du ${periodStart} au ${periodEnd}
