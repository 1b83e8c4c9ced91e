/**
 * Alert rules: what to watch (a {@link dev.orion.operations.alerts.domain.AlertKind}), above which value it fires,
 * whom to tell, and the rule's own state, so it tells them once when it fires and once when it resolves.
 */
package dev.orion.operations.alerts.domain;
