package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductView;
import java.time.OffsetDateTime;
import java.util.List;

/** A product on the wire: money as an exact decimal string ("12.50"), never a float. */
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
