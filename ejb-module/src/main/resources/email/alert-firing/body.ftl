Hello,

the alert "${ruleName}" is firing since ${since} (UTC).

${detail}
It fires above ${threshold?c} ${unit}; the value is ${value?c} ${unit}.

You get one more email when it resolves, none in between. The rules and what fires now: console, Administration > Alerts.
What to do: docs/runbook.md.

Orion
