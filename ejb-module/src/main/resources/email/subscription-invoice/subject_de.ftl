Orion-Rechnung ${invoiceNumber}: Tarif ${plan}, ${periodStart} bis ${periodEnd}
