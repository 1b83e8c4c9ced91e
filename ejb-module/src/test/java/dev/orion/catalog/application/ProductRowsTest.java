package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.catalog.domain.Availability;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductRowsTest {

    @Test
    void turnsEveryNamedParameterOfAProductQueryIntoAPositionalOne() {
        var query = new ProductQuerySql(7, new ProductQuery("SKU", "mug", "Acme", Availability.fromWire("in_stock"), 1, 9, true,
                "blue mug", OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        var names = new ArrayList<String>();
        String sql = ProductRows.positional("SELECT 1 FROM orion.products p WHERE " + query.where + " AND (p.vendor_id, p.id) > (:vendor, :after)"
                + " ORDER BY p.id LIMIT :limit", names);
        assertEquals(List.of("vendor", "skuPrefix", "title", "brand", "availability", "minStock", "maxStock", "since", "vendor",
                "text", "vendor", "after", "limit"), names);
        assertEquals(names.size(), sql.chars().filter(c -> c == '?').count());
        assertEquals(-1, sql.indexOf(':'));
    }

    @Test
    void leavesCastsAlone() {
        var names = new ArrayList<String>();
        assertEquals("SELECT ?::text, x::int FROM t WHERE a = ?", ProductRows.positional("SELECT :a::text, x::int FROM t WHERE a = :b", names));
        assertEquals(List.of("a", "b"), names);
    }
}
