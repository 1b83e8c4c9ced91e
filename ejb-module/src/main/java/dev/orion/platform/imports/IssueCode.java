package dev.orion.platform.imports;

import java.util.Arrays;

/**
 * The stable code of a rejected row or warning, as Google Merchant Center names its item issues: clients and the
 * console group an import's report by it, so a code never changes meaning once published (docs/imports.md).
 */
public enum IssueCode {
    MISSING_ID("missing_id", "The row has no id (SKU); it was not imported."),
    MISSING_TITLE("missing_title", "The row has no title; it was not imported."),
    MISSING_PRICE("missing_price", "The row has no price; it was not imported."),
    MISSING_AVAILABILITY("missing_availability", "The row has no availability; it was not imported."),
    MISSING_VALUE("missing_value", "A required value is missing; the row was not imported."),
    PRICE_FORMAT("price_format", "The price is not an amount with at most two decimals and an ISO 4217 currency, like 12.50 EUR."),
    PRICE_TOO_HIGH("price_too_high", "The price is larger than the largest price Orion stores."),
    UNKNOWN_AVAILABILITY("unknown_availability", "The availability is not one of in_stock, out_of_stock, preorder, backorder, discontinued."),
    TOO_LONG("too_long", "A value is longer than Orion stores for this attribute; the row was not imported."),
    NUL_CHARACTER("nul_character", "A value holds a NUL character, which Orion cannot store."),
    INVALID_GTIN("invalid_gtin", "The GTIN is not a valid GTIN-8, -12, -13 or -14; the product was imported without it."),
    RECORD_TOO_LONG("record_too_long", "The record is longer than the import's record limit; it was passed over."),
    UNKNOWN_TYPE("unknown_type", "The WooCommerce product type is not simple, external, variable, grouped or variation; the row was not imported."),
    ITEM_TOO_LARGE("item_too_large", "The XML item is too large or has too many elements; it was passed over."),
    INVALID_JSON("invalid_json", "The line is not a JSON object (an order)."),
    INVALID_CURRENCY("invalid_currency", "The currency is not an ISO 4217 code like EUR."),
    INVALID_EMAIL("invalid_email", "The customer's email is missing or not an email address."),
    UNKNOWN_LOCALE("unknown_locale", "The customer's locale is not en, fr or de; English is used."),
    DATE_FORMAT("date_format", "The date is not an ISO 8601 date-time with offset."),
    INVALID_LINES("invalid_lines", "The order's lines are missing or not objects with sku, quantity and unit_price."),
    INVALID_QUANTITY("invalid_quantity", "The quantity is not a whole number in the allowed range."),
    WRONG_TYPE("wrong_type", "A value has the wrong JSON type."),
    TOTAL_TOO_HIGH("total_too_high", "The order's total is larger than Orion stores."),
    UNKNOWN_SKU("unknown_sku", "The SKU is not in the catalogue; the order line was kept without a product."),
    OVERSOLD("oversold", "The marketplace sold more than the stock; the stock stopped at zero."),
    OTHER("other", "Another problem; the reason says what.");

    private final String code;
    private final String explanation;

    IssueCode(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    public String code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }

    /** The code of a required attribute that is missing: {@code missing_price}, or {@code missing_value} for another. */
    public static IssueCode missing(String attribute) {
        return of("missing_" + attribute).orElse(MISSING_VALUE);
    }

    public static java.util.Optional<IssueCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
