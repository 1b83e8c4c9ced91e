/**
 * The database: Flyway migrations applied when Orion starts, before anything else touches the database; and
 * what happens when it cannot be reached (one kernel classification, {@link DatabaseOutage}, one WARN line per
 * change of state, {@link DatabaseAvailability}, and 503s instead of stack traces).
 */
package dev.orion.platform.persistence;
