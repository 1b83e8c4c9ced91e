package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import dev.orion.catalog.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Maps a Google Merchant Center row (columns id, title, description, price, availability, brand, gtin,
 * image_link) to a product. Required data that is missing or broken rejects the row.
 */
@ApplicationScoped
public class FeedRowMapper {

    public ProductUpsert map(FeedRow row) {
        String sku = required(row, "id");
        if (sku.length() > 100) {
            throw new RejectedRowException(row.line(), "id", sku, "id is longer than 100 characters");
        }
        String title = required(row, "title");
        Money price;
        try {
            price = Money.parse(required(row, "price"));
        } catch (IllegalArgumentException e) {
            throw new RejectedRowException(row.line(), "price", row.get("price"), e.getMessage());
        }
        Availability availability;
        try {
            availability = Availability.fromWire(required(row, "availability"));
        } catch (IllegalArgumentException e) {
            throw new RejectedRowException(row.line(), "availability", row.get("availability"), e.getMessage());
        }
        String image = row.get("image_link");
        return new ProductUpsert(sku, title, row.get("description"), row.get("brand"), row.get("gtin"), price, null,
                availability, image == null ? List.of() : List.of(image));
    }

    private static String required(FeedRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RejectedRowException(row.line(), column, "", "required attribute '" + column + "' is missing");
        }
        return value;
    }
}
