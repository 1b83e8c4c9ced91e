package dev.orion.catalog.application;

import dev.orion.platform.imports.IssueCode;
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
        assertEquals(IssueCode.PRICE_FORMAT, error.code());
        assertEquals("TENT-1", error.sku(), "the product's open issues list it");
    }

    @Test
    void eachRejectionAndWarningCarriesItsStableCode() {
        assertEquals(IssueCode.MISSING_PRICE, assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("price", "")))).code());
        assertEquals(IssueCode.MISSING_TITLE, assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("title", "")))).code());
        assertEquals(IssueCode.TOO_LONG, assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("brand", "b".repeat(201))))).code());
        assertEquals(IssueCode.PRICE_TOO_HIGH, assertThrows(RejectedRowException.class,
                () -> mapper.map(row(Map.of("price", "10000000000000.00 EUR")))).code());
        assertEquals(IssueCode.NUL_CHARACTER, assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("title", "a\u0000b")))).code());
        var noId = assertThrows(RejectedRowException.class, () -> mapper.map(row(Map.of("id", ""))));
        assertEquals(IssueCode.MISSING_ID, noId.code());
        assertNull(noId.sku(), "no SKU to list it under");
        RowWarning warning = mapper.map(row(Map.of("gtin", "123"))).warnings().get(0);
        assertEquals(IssueCode.INVALID_GTIN, warning.code());
        assertEquals("TENT-1", warning.sku());
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
        assertEquals(IssueCode.UNKNOWN_AVAILABILITY, error.code());
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
