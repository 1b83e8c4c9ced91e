package dev.orion.identity.domain;

/**
 * Console roles: ADMIN runs the platform, STAFF works in it without user administration, VENDOR sees one vendor,
 * MONITOR watches (dashboard, batch monitor, imports, reports, emails, schedules of every vendor) and changes nothing.
 */
public enum Role {
    ADMIN, STAFF, VENDOR, MONITOR
}
