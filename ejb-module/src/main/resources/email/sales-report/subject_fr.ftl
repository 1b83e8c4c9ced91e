Rapport des ventes ${from} – ${to} : ${vendorName}
