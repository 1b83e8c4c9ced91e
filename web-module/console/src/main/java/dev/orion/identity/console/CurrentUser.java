package dev.orion.identity.console;

import dev.orion.identity.application.ConsoleUsers;
import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import dev.orion.platform.console.ConsoleCaller;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/** The logged-in console user: name, role and, for VENDOR users, the one vendor they may see. */
@Named
@SessionScoped
public class CurrentUser implements ConsoleCaller, Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleUsers users;

    @Inject
    transient SecurityContext security;

    private String email;
    private String displayName;
    private Role role;
    private Long vendorId;

    private void load() {
        if (email == null && security.getCallerPrincipal() != null) {
            ConsoleUser user = users.byEmail(security.getCallerPrincipal().getName())
                    .orElseThrow(() -> new IllegalStateException("Logged-in user no longer exists"));
            email = user.getEmail();
            displayName = user.getDisplayName();
            role = user.getRole();
            vendorId = user.getVendorId();
        }
    }

    @Override
    public String getEmail() { load(); return email; }
    public String getDisplayName() { load(); return displayName; }
    public Role getRole() { load(); return role; }
    @Override
    public Long getVendorId() { load(); return vendorId; }

    public boolean isAdmin() {
        return getRole() == Role.ADMIN;
    }

    @Override
    public boolean isPlatform() {
        return getRole() == Role.ADMIN || getRole() == Role.STAFF || getRole() == Role.MONITOR;
    }

    @Override
    public boolean isReadOnly() {
        return getRole() == Role.MONITOR;
    }
}
