package dev.orion.identity.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import dev.orion.platform.InvalidFieldException;
import org.junit.jupiter.api.Test;

class AdminSafeguardsTest {

    private final ConsoleUser ann = new ConsoleUser("ann@orion.example", "Ann", "hash", Role.ADMIN, null);

    @Test
    void anAdminCannotDeactivateThemselves() {
        var refused = assertThrows(InvalidFieldException.class, () -> AdminSafeguards.checkDeactivation(ann, "ANN@orion.example", 3));
        assertEquals("user.error.self", refused.messageKey());
    }

    @Test
    void theLastActiveAdminStays() {
        var refused = assertThrows(InvalidFieldException.class, () -> AdminSafeguards.checkDeactivation(ann, "bob@orion.example", 1));
        assertEquals("user.error.lastAdmin", refused.messageKey());
        assertThrows(InvalidFieldException.class, () -> AdminSafeguards.checkRoleChange(ann, Role.STAFF, 1));
        assertDoesNotThrow(() -> AdminSafeguards.checkRoleChange(ann, Role.ADMIN, 1));
    }

    @Test
    void anotherAdminOrAStaffUserCanGo() {
        assertDoesNotThrow(() -> AdminSafeguards.checkDeactivation(ann, "bob@orion.example", 2));
        var staff = new ConsoleUser("sam@orion.example", "Sam", "hash", Role.STAFF, null);
        assertDoesNotThrow(() -> AdminSafeguards.checkDeactivation(staff, "bob@orion.example", 1));
    }
}
