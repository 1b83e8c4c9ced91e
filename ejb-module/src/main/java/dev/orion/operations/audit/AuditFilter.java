package dev.orion.operations.audit;

import java.time.LocalDate;

/**
 * What the audit viewer asks for; every part is optional. {@code actor} matches a part of the name, case
 * ignored; {@code from} and {@code to} are whole days, both included, in the server's time zone.
 */
public record AuditFilter(String actor, Long vendorId, String action, String entityType, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
