package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyVariantsTest {

    private static final Map<String, String> FIRST = row("Handle", "tee", "Title", "Tee", "Body (HTML)", "<p>Soft</p>",
            "Vendor", "Alder", "Status", "active", "Option1 Value", "Blue", "Variant SKU", "TEE-B",
            "Variant Price", "19.90", "Variant Inventory Tracker", "shopify", "Variant Inventory Qty", "3",
            "Image Src", "https://img.example/tee.jpg");
    private static final Map<String, String> SECOND = row("Handle", "tee", "Option1 Value", "Red", "Variant SKU", "TEE-R",
            "Variant Price", "21.00", "Variant Inventory Tracker", "shopify", "Variant Inventory Qty", "0",
            "Variant Barcode", "4006381333931");
    private static final Map<String, String> IMAGE = Map.of("Handle", "tee", "Image Src", "https://img.example/tee-2.jpg");

    private static Map<String, String> row(String... namesAndValues) {
        var row = new java.util.HashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void variantsInheritTheProductFieldsOfTheirHandle() {
        var variants = new ShopifyVariants("EUR");

        FeedRow blue = variants.accept(2, FIRST).orElseThrow();
        FeedRow red = variants.accept(3, SECOND).orElseThrow();

        assertEquals("TEE-B", blue.get("id"));
        assertEquals("Tee - Blue", blue.get("title"));
        assertEquals("19.90 EUR", blue.get("price"));
        assertEquals("in_stock", blue.get("availability"));
        assertEquals("Tee - Red", red.get("title"));
        assertEquals("Alder", red.get("brand"));
        assertEquals("<p>Soft</p>", red.get("description"));
        assertEquals("https://img.example/tee.jpg", red.get("image_link"));
        assertEquals("out_of_stock", red.get("availability"));
        assertEquals("4006381333931", red.get("gtin"));
        assertEquals(3, red.line());
    }

    @Test
    void anImageOnlyRowIsNoProduct() {
        var variants = new ShopifyVariants("EUR");
        variants.accept(2, FIRST);

        assertTrue(variants.accept(3, IMAGE).isEmpty());
    }

    @Test
    void theHandleContextOfAnEarlierVersionsCheckpointIsRestored() {
        var context = new java.util.HashMap<String, String>(Map.of("Handle", FIRST.get("Handle"), "Title", FIRST.get("Title")));

        var after = new ShopifyVariants("EUR");
        after.restore(context);

        assertEquals("Tee - Red", after.accept(3, SECOND).orElseThrow().get("title"));
    }

    @Test
    void theDefaultVariantKeepsThePlainTitle() {
        var variants = new ShopifyVariants("USD");
        FeedRow only = variants.accept(2, Map.of("Handle", "mug", "Title", "Mug", "Option1 Value", "Default Title",
                "Variant SKU", "MUG", "Variant Price", "5.00")).orElseThrow();

        assertEquals("Mug", only.get("title"));
        assertEquals("5.00 USD", only.get("price"));
        assertEquals("in_stock", only.get("availability"), "stock not tracked by Shopify");
    }
}
