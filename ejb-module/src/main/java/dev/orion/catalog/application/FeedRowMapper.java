package dev.orion.catalog.application;

import dev.orion.platform.imports.IssueCode;
import dev.orion.platform.imports.RejectedRowException;
import dev.orion.platform.imports.RowWarning;
import dev.orion.catalog.domain.Availability;
import dev.orion.catalog.domain.Gtin;
import dev.orion.platform.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a Google Merchant Center row (columns id, title, description, price, availability, brand, gtin,
 * image_link) to a product. Required data that is missing or broken rejects the row; optional data that is
 * broken (a GTIN mangled by a spreadsheet) is dropped with a warning, never "repaired". Every value is checked
 * against the products table (V1__core_schema.sql: sku VARCHAR(100), title VARCHAR(500), brand VARCHAR(200),
 * price NUMERIC(14,2), no NUL in any text), so a row that would not fit is rejected naming the field and the
 * limit, never a chunk whose SQL fails on every restart.
 */
@ApplicationScoped
public class FeedRowMapper {

    static final int MAX_SKU = 100;
    static final int MAX_TITLE = 500;
    static final int MAX_BRAND = 200;

    /** Rejections and warnings carry the row's SKU, when it has one, so a product's open issues can list them. */
    public MappedRow map(FeedRow row) {
        try {
            return mapRow(row);
        } catch (RejectedRowException e) {
            String sku = row.get("id");
            throw sku == null || sku.length() > MAX_SKU || sku.indexOf('\u0000') >= 0 ? e : e.forSku(sku);
        }
    }

    private MappedRow mapRow(FeedRow row) {
        for (Map.Entry<String, String> value : row.values().entrySet()) {
            if (value.getValue() != null && value.getValue().indexOf('\u0000') >= 0) {
                throw new RejectedRowException(row.line(), value.getKey(), value.getValue(), IssueCode.NUL_CHARACTER,
                        value.getKey() + " holds a NUL character, which Orion cannot store");
            }
        }
        String sku = bounded(row, "id", required(row, "id"), MAX_SKU);
        String title = bounded(row, "title", required(row, "title"), MAX_TITLE);
        String brand = bounded(row, "brand", row.get("brand"), MAX_BRAND);
        Money price;
        try {
            price = Money.parse(required(row, "price"));
        } catch (IllegalArgumentException e) {
            throw new RejectedRowException(row.line(), "price", row.get("price"), IssueCode.PRICE_FORMAT, e.getMessage());
        }
        if (!price.storable()) {
            throw new RejectedRowException(row.line(), "price", row.get("price"), IssueCode.PRICE_TOO_HIGH,
                    "price is more than " + Money.MAX_AMOUNT.toPlainString() + ", the largest price Orion stores");
        }
        Availability availability;
        try {
            availability = Availability.fromWire(required(row, "availability"));
        } catch (IllegalArgumentException e) {
            throw new RejectedRowException(row.line(), "availability", row.get("availability"), IssueCode.UNKNOWN_AVAILABILITY, e.getMessage());
        }
        var warnings = new ArrayList<RowWarning>();
        String gtin = row.get("gtin");
        if (gtin != null && Gtin.problem(gtin) != null) {
            warnings.add(new RowWarning(row.line(), "gtin", gtin, IssueCode.INVALID_GTIN, Gtin.problem(gtin) + "; the GTIN was left out", sku));
            gtin = null;
        }
        String image = row.get("image_link");
        var product = new ProductUpsert(sku, title, row.get("description"), brand, gtin, price, null,
                availability, image == null ? List.of() : List.of(image));
        return new MappedRow(product, warnings);
    }

    private static String bounded(FeedRow row, String column, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new RejectedRowException(row.line(), column, value, IssueCode.TOO_LONG, column + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static String required(FeedRow row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new RejectedRowException(row.line(), column, "", IssueCode.missing(column), "required attribute '" + column + "' is missing");
        }
        return value;
    }
}
