package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductView;
import java.time.OffsetDateTime;
import java.util.List;

/** A product on the wire: money as an exact decimal string ("12.50"), never a float. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(example = "{\"sku\":\"MUG-01\",\"gtin\":\"4006381333931\",\"title\":\"Enamel mug\",\"description\":\"Blue, 350 ml\",\"brand\":\"Acme\",\"price\":\"12.50\",\"currency\":\"EUR\",\"stock\":42,\"availability\":\"in_stock\",\"image_links\":[\"https://cdn.example.com/mug-01.jpg\"],\"created_at\":\"2026-01-31T09:15:00Z\",\"updated_at\":\"2026-02-01T10:00:00Z\"}")
public record ProductJson(String sku, String gtin, String title, String description, String brand, String price,
                          String currency, int stock, String availability, List<String> imageLinks,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ProductJson of(ProductView p) {
        return new ProductJson(p.sku(), p.gtin(), p.title(), p.description(), p.brand(), p.price().toPlainString(),
                p.currency(), p.stock(), p.availability(), p.imageLinks(), p.createdAt(), p.updatedAt());
    }

    /** Strong validator of one stored version of one product. */
    static String etag(ProductView p) {
        return p.id() + "." + p.version();
    }
}
