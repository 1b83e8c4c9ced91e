package dev.orion.catalog.application;

import dev.orion.platform.DomainException;
import java.util.List;
import java.util.Map;

/** A request named SKUs the vendor does not have. */
public class UnknownSkusException extends DomainException {

    private final List<String> skus;

    public UnknownSkusException(List<String> skus) {
        super(422, "unknown-sku", "Unknown SKU", "Unknown SKU(s): " + String.join(", ", skus));
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }

    @Override
    public Map<String, Object> problemMembers() {
        return Map.of("skus", skus);
    }
}
