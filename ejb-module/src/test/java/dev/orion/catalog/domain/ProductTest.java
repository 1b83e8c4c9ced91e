package dev.orion.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orion.platform.domain.Money;
import org.junit.jupiter.api.Test;

class ProductTest {

    @Test
    void stockNeverGoesBelowZero() {
        var product = new Product(1L, "SKU-1", "Lamp", Money.parse("1.00 EUR"));
        product.adjustStock(3);
        assertThrows(InsufficientStockException.class, () -> product.adjustStock(-4));
        assertEquals(3, product.getStock());
    }
}
