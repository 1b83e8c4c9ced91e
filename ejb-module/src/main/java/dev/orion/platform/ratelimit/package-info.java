/**
 * Request budgets per API client and rate plan, counted in Redis (RateLimits) with a per-node fallback when Redis
 * cannot be reached (LocalRateLimits); RateDecision says what the client may do next.
 */
package dev.orion.platform.ratelimit;
