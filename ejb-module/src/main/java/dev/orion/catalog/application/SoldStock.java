package dev.orion.catalog.application;

import java.util.Map;

/** What taking sold stock found: the products by SKU, and by how many units each SKU that ran out was short. */
public record SoldStock(Map<String, ProductView> products, Map<String, Integer> shortBy) {
}
