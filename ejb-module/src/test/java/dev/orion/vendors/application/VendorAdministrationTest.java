package dev.orion.vendors.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class VendorAdministrationTest {

    private static VendorDetails vendor(String name, String vat, String feed) {
        return new VendorDetails(1, "acme", name, "en", new BigDecimal(vat), feed, true, OffsetDateTime.now());
    }

    @Test
    void theAuditNamesOnlyTheSettingsThatChanged() {
        assertEquals("ordersFeedUrl", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme", "20.00", "https://x.example/o")));
        assertEquals("name, vatRate", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme Ltd", "7.70", null)));
    }

    @Test
    void theSameRateWrittenDifferentlyIsNoChange() {
        assertEquals("no change", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme", "20", null)));
    }
}
