package dev.orion.events.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.orion.platform.console.ConsoleCaller;
import org.junit.jupiter.api.Test;

class WebhookScopeTest {

    private static ConsoleCaller caller(boolean platform, Long vendorId) {
        return new ConsoleCaller() {
            @Override public String getEmail() { return "someone@example.com"; }
            @Override public Long getVendorId() { return vendorId; }
            @Override public boolean isPlatform() { return platform; }
            @Override public boolean isReadOnly() { return false; }
        };
    }

    @Test
    void aVendorUserIsHeldToItsOwnVendorWhateverThePageAsksFor() {
        assertEquals(7L, WebhookScope.of(caller(false, 7L), 9L));
        assertEquals(7L, WebhookScope.of(caller(false, 7L), null));
    }

    @Test
    void aVendorUserWithoutAVendorSeesNoVendorsEndpoints() {
        assertEquals(-1L, WebhookScope.of(caller(false, null), null));
    }

    @Test
    void staffSeeEveryVendorOrTheOneTheyChoose() {
        assertNull(WebhookScope.of(caller(true, null), null));
        assertEquals(9L, WebhookScope.of(caller(true, null), 9L));
    }
}
