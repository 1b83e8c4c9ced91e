Hello,

the alert "${ruleName}" resolved at ${at} (UTC), after ${lastedMinutes?c} minute(s) firing since ${since}.

${detail}
It fires above ${threshold?c} ${unit}; the value is ${value?c} ${unit}.

Orion
