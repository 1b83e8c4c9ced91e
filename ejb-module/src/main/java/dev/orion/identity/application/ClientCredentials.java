package dev.orion.identity.application;

import java.io.Serializable;

/** A client id with its secret in clear: returned once, at creation or rotation, and never stored. */
public record ClientCredentials(String clientId, String clientSecret) implements Serializable {
}
