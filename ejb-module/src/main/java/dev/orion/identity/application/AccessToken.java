package dev.orion.identity.application;

/** What the token endpoint returns: the signed JWT, its lifetime and its scope. */
public record AccessToken(String token, long expiresInSeconds, String scope) {
}
