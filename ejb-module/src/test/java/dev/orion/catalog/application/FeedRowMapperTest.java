package dev.orion.catalog.application;

import dev.orion.platform.imports.RejectedRowException;
import dev.orion.platform.imports.RowWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.catalog.domain.Availability;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedRowMapperTest {

    private final FeedRowMapper mapper = new FeedRowMapper();

    private static FeedRow row(Map<String, String> overrides) {
        var values = new HashMap<>(Map.of("id", "TENT-1", "title", "Trail Tent", "price", "129.00 EUR",
                "availability", "in stock", "image_link", "https://img.example/t.jpg"));
        values.putAll(overrides);
        return new FeedRow(7, values);
    }

    @Test
    void mapsAValidRow() {
        ProductUpsert product = mapper.map(row(Map.of())).product();
        assertEquals("TENT-1", product.sku());
        assertEquals("129.00 EUR", product.price().toString());
        assertEquals(Availability.IN_STOCK, product.availability());
    }

    @Test
    void rejectsRowWithBadPriceNamingLineAndColumn() {
        var error = assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("price", "twelve"))));
        assertEquals(7, error.line());
        assertEquals("price", error.column());
    }

    @Test
    void rejectsRowWithoutTitle() {
        var error = assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("title", " "))));
        assertEquals("title", error.column());
    }

    @Test
    void rejectsUnknownAvailability() {
        var error = assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("availability", "maybe"))));
        assertEquals("availability", error.column());
    }

    @Test
    void aBarcodeTurnedIntoScientificNotationIsDroppedWithAWarningNotRepaired() {
        MappedRow mapped = mapper.map(row(Map.of("gtin", "3.65275E+11")));

        assertNull(mapped.product().gtin());
        assertEquals(1, mapped.warnings().size());
        RowWarning warning = mapped.warnings().get(0);
        assertEquals(7, warning.line());
        assertEquals("gtin", warning.column());
        assertEquals("3.65275E+11", warning.value());
        assertTrue(warning.reason().contains("scientific notation"), warning.reason());
    }

    @Test
    void aValidGtinIsKeptWithoutWarnings() {
        MappedRow mapped = mapper.map(row(Map.of("gtin", "4006381333931")));

        assertEquals("4006381333931", mapped.product().gtin());
        assertTrue(mapped.warnings().isEmpty());
    }
}
