package dev.orion.events.application;

import dev.orion.platform.DomainException;

/** An endpoint the vendor must fix before it is saved: its URL or its event types. */
public class InvalidWebhookEndpointException extends DomainException {

    public InvalidWebhookEndpointException(String message) {
        super(422, "invalid-webhook-endpoint", "Invalid webhook endpoint", message, false);
    }
}
