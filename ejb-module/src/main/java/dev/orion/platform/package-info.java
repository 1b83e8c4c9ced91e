/**
 * The kernel: what every capability uses and nothing business-specific. This package holds the refusal base
 * class (DomainException, which names its own problem+json answer) and the start-up guards; its subpackages hold
 * persistence, Redis, rate limits, idempotency, audit writing, jobs, feeds, observability and shared value
 * objects. The kernel imports no capability (ArchitectureTest).
 */
package dev.orion.platform;
