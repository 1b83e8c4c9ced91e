Hello ${customerName},

we have confirmed your order ${orderId?c}.
Total: ${total}

Thank you for shopping at ${vendorName}.
