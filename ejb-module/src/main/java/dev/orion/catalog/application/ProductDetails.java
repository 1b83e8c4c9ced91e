package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import java.math.BigDecimal;

/** Everything the console's detail form edits on a product (the SKU and vendor never change). */
public record ProductDetails(String title, String description, String brand, String gtin, BigDecimal price,
                             String currency, int stock, Availability availability) {
}
