Hallo ${vendorName},

Ihr Orion-Abonnement (${plan}) ist für ${periodStart} bis ${periodEnd} verlängert.
Die Rechnung ${invoiceNumber} ist angehängt. Gesamtbetrag: ${total}

Orion
