Hello,

the sales report of ${vendorName} for ${from} to ${to} is attached.
Orders sold: ${orders?c}; gross: ${gross}.

Orion
