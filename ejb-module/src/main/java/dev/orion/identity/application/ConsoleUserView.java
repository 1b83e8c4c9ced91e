package dev.orion.identity.application;

import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import java.io.Serializable;

/** A console user as the users page lists it (never the password hash). */
public record ConsoleUserView(long id, String email, String displayName, Role role, Long vendorId, String locale, boolean active) implements Serializable {

    static ConsoleUserView of(ConsoleUser u) {
        return new ConsoleUserView(u.getId(), u.getEmail(), u.getDisplayName(), u.getRole(), u.getVendorId(), u.getLocale(), u.isActive());
    }
}
