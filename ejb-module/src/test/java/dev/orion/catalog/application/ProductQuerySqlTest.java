package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.catalog.domain.Availability;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ProductQuerySqlTest {

    @Test
    void anEmptyQueryOnlyScopesToTheVendor() {
        var sql = new ProductQuerySql(7, ProductQuery.ALL);
        assertEquals("p.vendor_id = :vendor", sql.where);
        assertEquals(7L, sql.params.get("vendor"));
    }

    @Test
    void everyFilterBecomesABoundParameterNeverInlinedText() {
        var query = new ProductQuery("AB_1", "shirt's", "Acme%", Availability.OUT_OF_STOCK, 2, 9, true, "blue sh",
                OffsetDateTime.parse("2026-01-02T03:04:05Z"));
        var sql = new ProductQuerySql(7, query);
        assertFalse(sql.where.contains("shirt"), sql.where);
        assertEquals("AB\\_1%", sql.params.get("skuPrefix"));
        assertEquals("%shirt's%", sql.params.get("title"));
        assertEquals("Acme%", sql.params.get("brand"));
        assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05Z"), sql.params.get("since"));
        assertEquals("out_of_stock", sql.params.get("availability"));
        assertEquals(2, sql.params.get("minStock"));
        assertEquals(9, sql.params.get("maxStock"));
        assertTrue(sql.where.contains("p.stock <= " + ProductQuerySql.LOW_STOCK_THRESHOLD), "the vendor's own threshold: " + sql.where);
        assertEquals("blue:* & sh:*", sql.params.get("text"));
        assertTrue(sql.where.contains(ProductQuerySql.SEARCH_VECTOR), "the expression of the GIN index, so it is used");
    }

    @Test
    void searchTextCannotCarryTsquerySyntax() {
        assertEquals("a:* & b:* & c:*", ProductQuerySql.prefixQuery("a & !b | c:*"));
        assertEquals("", ProductQuerySql.prefixQuery(" &!| "));
        var sql = new ProductQuerySql(1, new ProductQuery(null, null, null, null, null, null, false, "&|!", null));
        assertFalse(sql.where.contains("tsquery"), "punctuation alone searches nothing");
    }

    @Test
    void sortsOnlyByWhitelistedColumnsWithTheIdAsTieBreaker() {
        assertTrue(ProductSort.byField("price; DROP TABLE products").isEmpty());
        assertEquals("p.price_amount DESC, p.id DESC", ProductSort.byField("price").orElseThrow().orderBy(true));
        assertEquals("p.sku", ProductSort.SKU.orderBy(false));
        assertEquals("p.sku DESC", ProductSort.SKU.orderBy(true));
    }

    @Test
    void searchesAreMatchedBeforeTheyAreSortedSoTheSortIndexIsNotWalkedRowByRow() {
        assertEquals("orion.products p WHERE p.vendor_id = :vendor AND p.stock <= " + ProductQuerySql.LOW_STOCK_THRESHOLD,
                new ProductQuerySql(3, new ProductQuery(null, null, null, null, null, null, true, null, null)).source());
        String search = new ProductQuerySql(3, new ProductQuery(null, null, null, null, null, null, false, "zebra", null)).source();
        assertTrue(search.startsWith("(SELECT * FROM orion.products p WHERE") && search.endsWith(" OFFSET 0) p"), search);
    }

    @Test
    void theSearchVectorIsTheExpressionOfTheSearchIndex() throws IOException {
        try (InputStream schema = getClass().getResourceAsStream("/db/migration/V1__core_schema.sql")) {
            String ddl = new String(schema.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            String indexed = ddl.substring(ddl.indexOf("CREATE INDEX products_search_idx"));
            indexed = indexed.substring(indexed.indexOf("to_tsvector"), indexed.indexOf(";"));
            assertEquals(indexed.substring(0, indexed.lastIndexOf(')')), ProductQuerySql.SEARCH_VECTOR.replace("p.", ""));
        }
    }

    @Test
    void brandMatchesTheWholeBrandInAnyCase() {
        var sql = new ProductQuerySql(2, ProductQuery.of(null, null, null, " alder "));
        assertTrue(sql.where.contains("lower(p.brand) = lower(:brand)"), sql.where);
        assertEquals("alder", sql.params.get("brand"));
    }
}
