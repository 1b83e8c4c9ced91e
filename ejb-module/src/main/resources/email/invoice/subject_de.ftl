Rechnung ${invoiceNumber} von ${vendorName}
