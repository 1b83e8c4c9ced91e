Orion invoice ${invoiceNumber}: ${plan} plan, ${periodStart} to ${periodEnd}
