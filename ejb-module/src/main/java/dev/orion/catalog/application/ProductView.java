package dev.orion.catalog.application;

import dev.orion.catalog.domain.Product;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A product as the API and console show it. */
public record ProductView(long id, long vendorId, String sku, String gtin, String title, String description,
                          String brand, BigDecimal price, String currency, int stock, String availability,
                          List<String> imageLinks, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Serializable {

    public static ProductView of(Product p) {
        return new ProductView(p.getId(), p.getVendorId(), p.getSku(), p.getGtin(), p.getTitle(), p.getDescription(),
                p.getBrand(), p.getPrice().amount(), p.getPrice().currency(), p.getStock(),
                p.getAvailability().wireName(), p.getImageLinks(), p.getCreatedAt(), p.getUpdatedAt(), p.getVersion());
    }
}
