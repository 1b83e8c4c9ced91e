package dev.orion.catalog.application;

/** The outcome of a create-or-replace: the product as stored, and whether it was created. */
public record ProductWrite(ProductView product, boolean created) {
}
