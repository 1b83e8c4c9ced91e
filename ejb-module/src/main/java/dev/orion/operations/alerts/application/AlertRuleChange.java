package dev.orion.operations.alerts.application;

import dev.orion.operations.alerts.domain.AlertKind;

/** A rule's settings as an ADMIN enters them; {@code recipients} is a comma-separated list of addresses. */
public record AlertRuleChange(String name, AlertKind kind, long threshold, int windowMinutes, String recipients, boolean enabled) {
}
