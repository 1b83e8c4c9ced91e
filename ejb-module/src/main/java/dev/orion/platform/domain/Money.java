package dev.orion.platform.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/** An exact amount in one ISO 4217 currency; never a double. */
public record Money(BigDecimal amount, String currency) {

    /** The largest amount a NUMERIC(14,2) column (prices, order totals, invoices) holds. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private static final Pattern FEED_PRICE = Pattern.compile("^\\s*(\\d+(?:\\.\\d{1,2})?)\\s+([A-Za-z]{3})\\s*$");

    public Money {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("Amount must be zero or positive");
        }
        if (amount.scale() > 2) {
            throw new IllegalArgumentException("Amount has more than two decimals: " + amount.toPlainString());
        }
        currency = currencyCode(currency);
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String currencyCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("Currency is required");
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(upper).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency '" + code + "'");
        }
    }

    /** Parses the feed form {@code 12.50 EUR}. */
    public static Money parse(String text) {
        var match = text == null ? null : FEED_PRICE.matcher(text);
        if (match == null || !match.matches()) {
            throw new IllegalArgumentException("Price must look like '12.50 EUR', was '" + text + "'");
        }
        return new Money(new BigDecimal(match.group(1)), match.group(2));
    }

    /** True when the amount fits the schema's NUMERIC(14,2) columns. */
    public boolean storable() {
        return amount.compareTo(MAX_AMOUNT) <= 0;
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
