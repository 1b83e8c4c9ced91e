Hello ${vendorName},

your Orion subscription (${plan}) is renewed for ${periodStart} to ${periodEnd}.
Invoice ${invoiceNumber} is attached. Total: ${total}

Orion
