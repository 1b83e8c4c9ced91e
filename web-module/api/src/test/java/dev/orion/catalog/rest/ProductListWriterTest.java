package dev.orion.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.orion.catalog.rest.ProductsResource.ProductList;
import dev.orion.platform.rest.JsonConfig;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page of products the streaming writer sends is the document JSON-B (the server's Yasson) would have sent. */
class ProductListWriterTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 31, 9, 15, 0, 985_050_000, ZoneOffset.UTC);

    @Test
    void writesWhatJsonBindingWritesForFullProducts() {
        var products = List.of(
                new ProductJson("MUG-01", "4006381333931", "Enamel mug", "Blue, 350 ml", "Acme", "12.50", "EUR", 42,
                        "in_stock", List.of("https://cdn.example.com/mug-01.jpg", "https://cdn.example.com/mug-01b.jpg"),
                        CREATED, CREATED.plusDays(1).withNano(0)),
                new ProductJson("TENT-2", "0012345678905", "Tent", "Two \"person\" tent\n\t<script>é ✓ 🏕\u0001", "Alpine",
                        "0.01", "CHF", 0, "out_of_stock", List.of(),
                        OffsetDateTime.of(2025, 12, 31, 23, 59, 59, 100_000_000, ZoneOffset.ofHours(2)),
                        OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 1, ZoneOffset.ofHoursMinutes(-9, -30))));
        assertSameDocument(new ProductList(products, true, "YWZ0ZXI6NTA"));
    }

    @Test
    void leavesOutWhatJsonBindingLeavesOut() {
        var sparse = new ProductJson("SKU-1", null, "Untitled", null, null, "1.00", "EUR", -3, "preorder", null, CREATED, null);
        var nullLink = new ProductJson("SKU-2", null, "Odd", null, null, "2.00", "EUR", 7, "in_stock",
                Arrays.asList("https://a.example/1.jpg", null), CREATED, CREATED);
        assertSameDocument(new ProductList(List.of(sparse, nullLink), false, null));
    }

    @Test
    void writesAnEmptyPage() {
        assertSameDocument(new ProductList(List.of(), false, null));
    }

    @Test
    void leavesTheResponseStreamOpenForTheContainer() throws Exception {
        var stream = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        new ProductListWriter().writeTo(new ProductList(List.of(), false, null), ProductList.class, ProductList.class,
                new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE, null, stream);
        assertFalse(stream.closed);
        assertEquals("{\"data\":[],\"has_more\":false}", stream.toString(StandardCharsets.UTF_8));
    }

    private static void assertSameDocument(ProductList list) {
        String expected = new JsonConfig().getContext(ProductList.class).toJson(list);
        var out = new ByteArrayOutputStream();
        try {
            new ProductListWriter().writeTo(list, ProductList.class, ProductList.class, new java.lang.annotation.Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE, null, out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String actual = out.toString(StandardCharsets.UTF_8);
        assertEquals(parse(expected), parse(actual), () -> "JSON-B: " + expected + "\nwriter: " + actual);
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
