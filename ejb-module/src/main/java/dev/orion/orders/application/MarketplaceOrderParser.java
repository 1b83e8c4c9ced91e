package dev.orion.orders.application;

import dev.orion.platform.domain.Money;
import dev.orion.platform.imports.Excerpt;
import dev.orion.platform.imports.IssueCode;
import dev.orion.platform.imports.RejectedRowException;
import dev.orion.platform.imports.RowWarning;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one line of a marketplace orders feed (JSON Lines, documented in docs/imports.md). Broken order data
 * rejects the line, naming the field; an unknown customer locale is dropped with a warning (English is used).
 * Every length and amount is checked against the schema (V1__core_schema.sql: orders, order_lines, customers),
 * so a value that would not fit is a rejected line, never a chunk whose SQL fails on every restart.
 */
public final class MarketplaceOrderParser {

    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 100_000;
    private static final Set<String> LOCALES = Set.of("en", "fr", "de");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private MarketplaceOrderParser() {
    }

    public static MarketplaceOrder parse(long line, String text) {
        JsonObject order = object(line, text);
        String externalId = text(line, order, "external_id", 100, true);
        String currency = text(line, order, "currency", 3, true);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new RejectedRowException(line, "currency", currency, IssueCode.INVALID_CURRENCY, "currency must be an ISO 4217 code like EUR");
        }
        JsonObject customer = order.get("customer") instanceof JsonObject c ? c : null;
        if (customer == null) {
            throw new RejectedRowException(line, "customer", String.valueOf(order.get("customer")), IssueCode.INVALID_EMAIL, "customer is required: an object with email, name and locale");
        }
        String email = text(line, customer, "customer.email", "email", 254, true);
        if (!EMAIL.matcher(email).matches()) {
            throw new RejectedRowException(line, "customer.email", email, IssueCode.INVALID_EMAIL, "customer.email is not an email address");
        }
        String name = text(line, customer, "customer.name", "name", 200, false);
        List<RowWarning> warnings = new ArrayList<>();
        String locale = text(line, customer, "customer.locale", "locale", 10, false);
        if (locale != null && !LOCALES.contains(locale.toLowerCase())) {
            warnings.add(new RowWarning(line, "customer.locale", locale, IssueCode.UNKNOWN_LOCALE, "unknown locale dropped (en, fr or de); English is used"));
            locale = null;
        }
        List<MarketplaceOrder.Line> lines = lines(line, order);
        BigDecimal total = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(Money.MAX_AMOUNT) > 0) {
            throw new RejectedRowException(line, "total", total.toPlainString(), IssueCode.TOTAL_TOO_HIGH, "the order total (quantity times unit_price, summed)"
                    + " is more than " + Money.MAX_AMOUNT.toPlainString() + ", the largest amount an order can have");
        }
        return new MarketplaceOrder(line, externalId, placedAt(line, order), currency, email,
                name == null ? email : name, locale == null ? "en" : locale.toLowerCase(), lines, List.copyOf(warnings));
    }

    private static JsonObject object(long line, String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            throw new RejectedRowException(line, null, abbreviated(text), IssueCode.INVALID_JSON, "not valid JSON: " + Excerpt.of(e.getMessage()));
        }
        throw new RejectedRowException(line, null, abbreviated(text), IssueCode.INVALID_JSON, "each line must be one JSON object (an order)");
    }

    private static OffsetDateTime placedAt(long line, JsonObject order) {
        String value = text(line, order, "placed_at", 40, false);
        if (value == null) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new RejectedRowException(line, "placed_at", value, IssueCode.DATE_FORMAT, "placed_at must be an ISO 8601 date-time with offset, like 2026-11-20T10:15:00Z");
        }
    }

    private static List<MarketplaceOrder.Line> lines(long line, JsonObject order) {
        JsonArray lines = order.get("lines") instanceof JsonArray array ? array : null;
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new RejectedRowException(line, "lines", String.valueOf(order.get("lines")), IssueCode.INVALID_LINES,
                    "lines must be a list of 1 to " + MAX_LINES + " order lines");
        }
        List<MarketplaceOrder.Line> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            if (!(lines.get(i) instanceof JsonObject item)) {
                throw new RejectedRowException(line, at, lines.get(i).toString(), IssueCode.INVALID_LINES, "each order line must be an object with sku, quantity and unit_price");
            }
            String sku = text(line, item, at + ".sku", "sku", 100, true);
            String title = text(line, item, at + ".title", "title", 500, false);
            result.add(new MarketplaceOrder.Line(sku, title == null ? sku : title, quantity(line, item, at), price(line, item, at)));
        }
        return result;
    }

    private static int quantity(long line, JsonObject item, String at) {
        JsonValue value = item.get("quantity");
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 1 && number.longValue() <= MAX_QUANTITY) {
            return number.intValue();
        }
        throw new RejectedRowException(line, at + ".quantity", String.valueOf(value), IssueCode.INVALID_QUANTITY, "quantity must be a whole number from 1 to " + MAX_QUANTITY);
    }

    private static BigDecimal price(long line, JsonObject item, String at) {
        JsonValue value = item.get("unit_price");
        BigDecimal price = null;
        try {
            if (value instanceof JsonNumber number) {
                price = number.bigDecimalValue();
            } else if (value instanceof JsonString string) {
                price = new BigDecimal(string.getString().strip());
            }
        } catch (NumberFormatException e) {
            price = null;
        }
        if (price == null || price.signum() < 0 || price.stripTrailingZeros().scale() > 2 || price.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            throw new RejectedRowException(line, at + ".unit_price", String.valueOf(value), IssueCode.PRICE_FORMAT,
                    "unit_price must be a non-negative amount with at most two decimals, like \"12.50\"");
        }
        return price.setScale(2);
    }

    private static String text(long line, JsonObject object, String name, int maxLength, boolean required) {
        return text(line, object, name, name, maxLength, required);
    }

    private static String text(long line, JsonObject object, String column, String name, int maxLength, boolean required) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL || value instanceof JsonString s && s.getString().isBlank()) {
            if (required) {
                throw new RejectedRowException(line, column, null, IssueCode.MISSING_VALUE, column + " is required");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new RejectedRowException(line, column, value.toString(), IssueCode.WRONG_TYPE, column + " must be a string");
        }
        String text = string.getString().strip();
        if (text.length() > maxLength) {
            throw new RejectedRowException(line, column, text, IssueCode.TOO_LONG, column + " is longer than " + maxLength + " characters");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new RejectedRowException(line, column, text, IssueCode.NUL_CHARACTER, column + " holds a NUL character, which Orion cannot store");
        }
        return text;
    }

    /** A line that is not an order is not feed data: only a short excerpt of it is echoed. */
    private static String abbreviated(String text) {
        return Excerpt.of(text, 80);
    }
}
