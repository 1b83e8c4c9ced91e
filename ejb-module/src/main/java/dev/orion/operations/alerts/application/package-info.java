/**
 * In-app alerts for operators without Prometheus (docs/alerts.md): editing the rules (audited), and their
 * evaluation on the {@code alert-evaluation} schedule, which emails the rule's recipients through the outbox once
 * when a rule fires and once when it resolves.
 */
package dev.orion.operations.alerts.application;
