package dev.orion.vendors.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class VendorAdministrationTest {

    private static VendorDetails vendor(String name, String vat, String feed) {
        return vendor(name, vat, feed, 5);
    }

    private static VendorDetails vendor(String name, String vat, String feed, int lowStock) {
        return new VendorDetails(1, "acme", name, "en", new BigDecimal(vat), feed, lowStock, true, OffsetDateTime.now());
    }

    @Test
    void theAuditNamesOnlyTheSettingsThatChanged() {
        assertEquals("ordersFeedUrl", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme", "20.00", "https://x.example/o")));
        assertEquals("name, vatRate", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme Ltd", "7.70", null)));
    }

    @Test
    void aNewLowStockThresholdIsAudited() {
        assertEquals("lowStockThreshold", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme", "20.00", null, 10)));
    }

    @Test
    void theSameRateWrittenDifferentlyIsNoChange() {
        assertEquals("no change", VendorAdministration.changes(vendor("Acme", "20.00", null), vendor("Acme", "20", null)));
    }
}
