package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import dev.orion.platform.domain.Money;
import java.util.List;

/** A validated product as an import or an API write delivers it. */
public record ProductUpsert(String sku, String title, String description, String brand, String gtin,
                            Money price, Integer stock, Availability availability, List<String> imageLinks) {
}
