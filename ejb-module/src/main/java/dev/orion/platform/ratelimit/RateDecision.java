package dev.orion.platform.ratelimit;

/** The answer for one request: allowed or not, and what the RateLimit-* headers should say. */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds) {
}
