Sales report ${from} – ${to}: ${vendorName}
