package dev.orion.catalog.application;

import java.util.List;

/** A request named SKUs the vendor does not have. */
public class UnknownSkusException extends RuntimeException {

    private final List<String> skus;

    public UnknownSkusException(List<String> skus) {
        super("Unknown SKU(s): " + String.join(", ", skus));
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }
}
