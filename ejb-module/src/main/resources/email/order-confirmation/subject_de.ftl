Ihre Bestellung ${orderId?c} bei ${vendorName} ist bestätigt
