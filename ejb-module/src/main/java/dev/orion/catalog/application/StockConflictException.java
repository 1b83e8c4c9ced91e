package dev.orion.catalog.application;

import dev.orion.platform.DomainException;
import java.util.List;
import java.util.Map;

/** A stock adjustment batch was refused whole because it would take these SKUs below zero. */
public class StockConflictException extends DomainException {

    private final List<String> skus;

    public StockConflictException(List<String> skus) {
        super(409, "insufficient-stock", "Insufficient stock", "Stock would go below zero for " + String.join(", ", skus) + "; nothing was changed");
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
