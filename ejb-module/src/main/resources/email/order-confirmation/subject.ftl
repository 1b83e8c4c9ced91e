Your order ${orderId?c} at ${vendorName} is confirmed
