package dev.orion.notifications.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EmailOutboxSearchTest {

    @Test
    void aRecipientSearchMatchesAnywhereInTheAddress() {
        assertEquals("%example.com%", EmailOutbox.containing("example.com"));
    }

    @Test
    void wildcardsTypedInTheSearchAreMatchedLiterally() {
        assertEquals("%ada\\_lovelace\\%\\\\%", EmailOutbox.containing("ada_lovelace%\\"));
    }
}
