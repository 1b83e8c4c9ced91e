package dev.orion.catalog.application;

import dev.orion.platform.imports.RejectedRowException;
import dev.orion.platform.imports.RowWarning;
import dev.orion.catalog.domain.Availability;
import dev.orion.catalog.domain.Gtin;
import dev.orion.catalog.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a Google Merchant Center row (columns id, title, description, price, availability, brand, gtin,
 * image_link) to a product. Required data that is missing or broken rejects the row; optional data that is
 * broken (a GTIN mangled by a spreadsheet) is dropped with a warning, never "repaired".
 */
@ApplicationScoped
public class FeedRowMapper {

    public MappedRow map(FeedRow row) {
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
        var warnings = new ArrayList<RowWarning>();
        String gtin = row.get("gtin");
        if (gtin != null && Gtin.problem(gtin) != null) {
            warnings.add(new RowWarning(row.line(), "gtin", gtin, Gtin.problem(gtin) + "; the GTIN was left out"));
            gtin = null;
        }
        String image = row.get("image_link");
        var product = new ProductUpsert(sku, title, row.get("description"), row.get("brand"), gtin, price, null,
                availability, image == null ? List.of() : List.of(image));
        return new MappedRow(product, warnings);
    }

    private static String required(FeedRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RejectedRowException(row.line(), column, "", "required attribute '" + column + "' is missing");
        }
        return value;
    }
}
