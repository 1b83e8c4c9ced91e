package dev.orion.identity.application;

import dev.orion.identity.domain.Role;

/** A user to create; a null or blank password means "email a link to choose one". */
public record NewConsoleUser(String email, String displayName, Role role, Long vendorId, String locale, String password) {

    public boolean sendsResetLink() {
        return password == null || password.isEmpty();
    }
}
