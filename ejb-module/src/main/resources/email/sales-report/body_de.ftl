Hallo,

anbei der Verkaufsbericht von ${vendorName} für ${from} bis ${to}.
Verkaufte Bestellungen: ${orders?c}; brutto: ${gross}.

Orion
