package dev.orion.platform.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagSnapshotTest {

    private final FlagSnapshot snapshot = new FlagSnapshot(1_000, Map.of("orders.imports", true, "orders.imports@7", false));

    @Test
    void aVendorOverrideBeatsThePlatformValue() {
        assertEquals(Optional.of(false), snapshot.value("orders.imports", 7L));
        assertEquals(Optional.of(true), snapshot.value("orders.imports", 8L), "no override: the platform value");
        assertEquals(Optional.of(true), snapshot.value("orders.imports", null));
        assertEquals(Optional.empty(), snapshot.value("reporting.sales-reports", 7L), "nothing stored: the default applies");
    }

    @Test
    void theCopyInRedisKeepsWhenTheDatabaseWasRead() {
        FlagSnapshot back = FlagSnapshot.fromJson(snapshot.toJson());
        assertEquals(snapshot, back);
        assertTrue(back.freshAt(3_999, 3_000));
        assertFalse(back.freshAt(4_000, 3_000), "dropped one TTL after the database was read, wherever it was copied");
    }

    @Test
    void flagNamesAreCapabilityDotFeature() {
        assertEquals("orders.imports", new FeatureFlag("orders.imports", "Marketplace order imports", true).name());
        assertThrows(IllegalArgumentException.class, () -> new FeatureFlag("imports", "no capability", true));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFlag("Orders.Imports", "upper case", true));
    }
}
