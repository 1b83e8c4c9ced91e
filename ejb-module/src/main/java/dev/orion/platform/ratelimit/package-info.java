/**
 * Request budgets per API client and rate plan, counted in Redis (RateLimits) and, for busy clients, served from
 * batches of permits each node takes from Redis (PermitAllowances), with a per-node fallback when Redis cannot be
 * reached (LocalRateLimits); RateDecision says what the client may do next.
 */
package dev.orion.platform.ratelimit;
