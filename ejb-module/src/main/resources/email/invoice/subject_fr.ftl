Facture ${invoiceNumber} de ${vendorName}
