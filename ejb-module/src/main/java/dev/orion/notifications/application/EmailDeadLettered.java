package dev.orion.notifications.application;

/**
 * Fired (CDI, synchronously, in the dead-letter handler's transaction) when the broker gave up on an email: other
 * capabilities react to it without notifications depending on them.
 */
public record EmailDeadLettered(long outboxId, String template, String error) {
}
