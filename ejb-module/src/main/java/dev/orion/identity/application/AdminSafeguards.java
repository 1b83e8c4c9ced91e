package dev.orion.identity.application;

import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import dev.orion.platform.InvalidFieldException;

/**
 * Keeps the console administrable: nobody deactivates their own account, and the last active ADMIN can neither be
 * deactivated nor lose the role (no one could then manage users).
 */
final class AdminSafeguards {

    private AdminSafeguards() {
    }

    /** @param activeAdmins the active ADMIN users right now, the target included if it is one */
    static void checkDeactivation(ConsoleUser target, String actorEmail, long activeAdmins) {
        if (target.getEmail().equalsIgnoreCase(actorEmail)) {
            throw new InvalidFieldException(null, "user.error.self", "You cannot deactivate your own account");
        }
        if (isLastAdmin(target, activeAdmins)) {
            throw new InvalidFieldException(null, "user.error.lastAdmin", "The last active ADMIN cannot be deactivated");
        }
    }

    static void checkRoleChange(ConsoleUser target, Role newRole, long activeAdmins) {
        if (newRole != Role.ADMIN && isLastAdmin(target, activeAdmins)) {
            throw new InvalidFieldException(null, "user.error.lastAdminRole", "The last active ADMIN must stay an ADMIN");
        }
    }

    private static boolean isLastAdmin(ConsoleUser target, long activeAdmins) {
        return target.isActive() && target.getRole() == Role.ADMIN && activeAdmins <= 1;
    }
}
