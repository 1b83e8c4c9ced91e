package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductFeedFormatTest {

    @Test
    void eachFormatIsToldByItsHeader() {
        assertEquals(Optional.of(ProductFeedFormat.GOOGLE_TSV), ProductFeedFormat.of("id\ttitle\tprice\tavailability"));
        assertEquals(Optional.of(ProductFeedFormat.GOOGLE_XML), ProductFeedFormat.of("  <?xml version=\"1.0\"?>"));
        assertEquals(Optional.of(ProductFeedFormat.SHOPIFY_CSV), ProductFeedFormat.of("Handle,Title,Body (HTML),Variant SKU,Variant Price"));
        assertEquals(Optional.of(ProductFeedFormat.WOOCOMMERCE_CSV), ProductFeedFormat.of(
                "ID,Type,SKU,\"GTIN, UPC, EAN, or ISBN\",Name,Published,\"Regular price\",Parent,\"Attribute 1 name\""));
    }

    @Test
    void anyOtherCsvIsNoFeedAndTheAnswerNamesEachFormatsColumns() {
        assertTrue(ProductFeedFormat.of("sku,name,price").isEmpty());
        assertTrue(ProductFeedFormat.of("ID,Type,SKU,Name").isEmpty(), "a WooCommerce export without prices");
        assertTrue(ProductFeedFormat.of("name;price").isEmpty());

        String supported = ProductFeedFormat.supported();
        for (String expected : new String[] {"Google Merchant TSV: id, title, price, availability", "Shopify product CSV: Handle",
                "WooCommerce product CSV: ID, Type, SKU, Name, Regular price"}) {
            assertTrue(supported.contains(expected), supported);
        }
    }
}
