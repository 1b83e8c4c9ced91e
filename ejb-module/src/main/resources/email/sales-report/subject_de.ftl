Verkaufsbericht ${from} – ${to}: ${vendorName}
