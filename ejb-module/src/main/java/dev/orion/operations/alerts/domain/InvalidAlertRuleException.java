package dev.orion.operations.alerts.domain;

/** A rule setting the entity refuses, naming the setting ({@code name}, {@code kind}, {@code threshold}, {@code window}, {@code recipients}). */
public class InvalidAlertRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidAlertRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
