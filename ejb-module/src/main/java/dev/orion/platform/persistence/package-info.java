/**
 * The database schema: Flyway migrations applied when Orion starts, before anything else touches the database.
 */
package dev.orion.platform.persistence;
