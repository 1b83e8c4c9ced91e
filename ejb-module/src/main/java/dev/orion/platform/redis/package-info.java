/**
 * The one Redisson client of a server (single, Sentinel or Cluster, from ORION_REDIS_URL) and its pool gauges.
 * Redis holds only what can be lost or rebuilt: caches, budgets, locks (idempotency keys
 * live in PostgreSQL, with the changes they answer: {@code platform.idempotency}).
 */
package dev.orion.platform.redis;
