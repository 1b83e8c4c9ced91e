package dev.orion.identity.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature and claims were verified, so a client that calls many times with one token pays the RSA
 * check once, not on every request. Bounded ({@value #MAX_ENTRIES} entries, then emptied: forgetting only costs
 * a verification again), keyed by a SHA-256 of the token (a heap dump shows no usable bearer token), and each entry
 * is good only until the token's {@code exp} and only for the key set ({@code keys}) that verified it: once the
 * JWKS is re-read, a token is checked against the new key set again, so a key dropped from it stops its tokens.
 * Revocation is not cached here: {@link ClientRevocations} answers it per request.
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private record Verified(JsonWebToken token, Object keys, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Verified> entries = new ConcurrentHashMap<>();

    /** The verified token of this {@link #hash}, if it was verified under {@code keys} and has not expired. */
    JsonWebToken find(String hash, Object keys) {
        Verified verified = entries.get(hash);
        if (verified == null) {
            return null;
        }
        if (verified.keys() != keys || System.currentTimeMillis() >= verified.expiresAtMillis()) {
            entries.remove(hash, verified);
            return null;
        }
        return verified.token();
    }

    void remember(String hash, JsonWebToken token, Object keys) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(hash, new Verified(token, keys, token.getExpirationTime() * 1000));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
