package dev.orion.operations.alerts.application;

/** What a rule's kind measures now: the value compared with the threshold, and a line saying what it is. */
public record Measurement(long value, String detail) {
}
