package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.platform.imports.RejectedRowException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooCommerceProductsTest {

    private static final Map<String, String> HOODIE = row("ID", "21", "Type", "variable", "SKU", "HOODIE", "Name", "Trail Hoodie",
            "Description", "<p>Fleece.</p>\\n<p>Warm.</p>", "Brands", "Alder, Birch", "Images", "https://img.example/h.jpg, https://img.example/h2.jpg",
            "Attribute 1 name", "Color", "Attribute 1 value(s)", "Blue, Green", "Attribute 2 name", "Size", "Attribute 2 value(s)", "M, L");
    private static final Map<String, String> BLUE = row("ID", "22", "Type", "variation", "SKU", "HOODIE-B", "Name", "Trail Hoodie - Blue, M",
            "Parent", "id:21", "Regular price", "45", "In stock?", "1", "Images", "https://img.example/blue.jpg",
            "Attribute 1 name", "Color", "Attribute 1 value(s)", "Blue", "Attribute 2 name", "Size", "Attribute 2 value(s)", "M");
    private static final Map<String, String> GREEN = row("ID", "23", "Type", "variation, downloadable", "SKU", "HOODIE-G", "Name", "x",
            "Parent", "HOODIE", "Regular price", "49.90", "In stock?", "0", "GTIN, UPC, EAN, or ISBN", "4006381333948",
            "Attribute 1 name", "Color", "Attribute 1 value(s)", "Green", "Attribute 2 name", "Size", "Attribute 2 value(s)", "");

    private static Map<String, String> row(String... namesAndValues) {
        var row = new HashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void variationsInheritTheirParentsFieldsAndTheVariableRowIsNoProduct() {
        var products = new WooCommerceProducts("EUR");

        assertTrue(products.accept(2, HOODIE).isEmpty());
        FeedRow blue = products.accept(3, BLUE).orElseThrow();
        FeedRow green = products.accept(4, GREEN).orElseThrow();

        assertEquals("HOODIE-B", blue.get("id"));
        assertEquals("Trail Hoodie - Blue / M", blue.get("title"));
        assertEquals("45 EUR", blue.get("price"));
        assertEquals("in_stock", blue.get("availability"));
        assertEquals("<p>Fleece.</p>\n<p>Warm.</p>", blue.get("description"));
        assertEquals("Alder", blue.get("brand"));
        assertEquals("https://img.example/blue.jpg", blue.get("image_link"));
        assertEquals("Trail Hoodie - Green", green.get("title"), "found by the parent's SKU; an 'any' attribute adds nothing");
        assertEquals("out_of_stock", green.get("availability"));
        assertEquals("https://img.example/h.jpg", green.get("image_link"));
        assertEquals("4006381333948", green.get("gtin"));
        assertEquals(4, green.line());
    }

    @Test
    void aSimpleProductIsItselfAndAVariationWithoutAKnownParentKeepsItsOwnName() {
        var products = new WooCommerceProducts("USD");

        FeedRow mug = products.accept(2, row("Type", "simple, virtual", "SKU", "MUG", "Name", "Mug", "Short description", "Small",
                "Regular price", "5.00", "Stock", "0")).orElseThrow();
        FeedRow orphan = products.accept(3, BLUE).orElseThrow();

        assertEquals("Mug|5.00 USD|Small|out_of_stock", mug.get("title") + "|" + mug.get("price") + "|" + mug.get("description")
                + "|" + mug.get("availability"));
        assertEquals("Trail Hoodie - Blue, M", orphan.get("title"));
        assertNull(orphan.get("brand"));
    }

    @Test
    void anUnknownTypeIsRejectedNamingIt() {
        var rejected = assertThrows(RejectedRowException.class,
                () -> new WooCommerceProducts("EUR").accept(5, row("Type", "bundle", "SKU", "B")));

        assertEquals("Type", rejected.column());
        assertEquals(5, rejected.line());
    }
}
