package dev.orion.operations.alerts.domain;

/** What one evaluation did to a rule: nothing to tell, it started firing, or it stopped. */
public enum AlertTransition {
    NONE, FIRED, RESOLVED
}
