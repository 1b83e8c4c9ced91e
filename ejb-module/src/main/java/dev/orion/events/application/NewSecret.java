package dev.orion.events.application;

import java.io.Serializable;

/** An endpoint with the signing secret it was just given: the only time the secret is shown. */
public record NewSecret(EndpointView endpoint, String secret) implements Serializable {
}
