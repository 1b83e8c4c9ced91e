Hello ${customerName},

please find attached invoice ${invoiceNumber} for your order ${orderId?c}.
Total: ${total}

Thank you for shopping at ${vendorName}.
