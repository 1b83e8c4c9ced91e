package dev.orion.identity.domain;

/** Console roles: ADMIN runs the platform, STAFF works in it without user administration, VENDOR sees one vendor. */
public enum Role {
    ADMIN, STAFF, VENDOR
}
