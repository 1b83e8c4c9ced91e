package dev.orion.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void parsesTheFeedForm() {
        assertEquals(new Money(new BigDecimal("12.50"), "EUR"), Money.parse("12.50 EUR"));
        assertEquals(new Money(new BigDecimal("7"), "USD"), Money.parse(" 7 usd "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,50 EUR", "EUR 12.50", "-1.00 EUR", "12.505 EUR", "12.50", "12.50 XYZ", ""})
    void rejectsPricesItCannotReadExactly(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
    }
}
