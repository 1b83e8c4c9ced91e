/**
 * What operators watch: the correlation id that ties a request's or job's log lines, problem documents and
 * error reports together (kept in the logging MDC), the HTTP request metrics, and error tracking (Sentry).
 * Metrics are Micrometer meters on the registry WildFly's micrometer subsystem provides and serves at
 * {@code /metrics} on the management port; see docs/observability.md for every name.
 */
package dev.orion.platform.observability;
