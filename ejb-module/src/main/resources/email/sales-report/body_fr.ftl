Bonjour,

vous trouverez ci-joint le rapport des ventes de ${vendorName} du ${from} au ${to}.
Commandes vendues : ${orders?c} ; montant TTC : ${gross}.

Orion
