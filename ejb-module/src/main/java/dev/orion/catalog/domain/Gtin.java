package dev.orion.catalog.domain;

import java.util.regex.Pattern;

/** GS1 trade item numbers (GTIN-8, -12, -13, -14): digits only, the last one a mod-10 check digit. */
public final class Gtin {

    private static final Pattern DIGITS = Pattern.compile("\\d{8}|\\d{12,14}");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+-]?\\d+");

    private Gtin() {
    }

    /** Null when the value is a valid GTIN, else why it is not. */
    public static String problem(String value) {
        if (SCIENTIFIC.matcher(value).matches()) {
            return "'" + value + "' is a barcode a spreadsheet turned into scientific notation; its digits are lost";
        }
        if (!DIGITS.matcher(value).matches()) {
            return "'" + value + "' is not a GTIN: 8, 12, 13 or 14 digits expected";
        }
        return checkDigitOk(value) ? null : "'" + value + "' has a wrong check digit";
    }

    private static boolean checkDigitOk(String digits) {
        int sum = 0;
        int last = digits.length() - 1;
        for (int i = last - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == digits.charAt(last) - '0';
    }
}
