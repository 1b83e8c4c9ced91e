package dev.orion.catalog.application;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A stock adjustment batch was refused whole because it would take these SKUs below zero. */
@ApplicationException(rollback = true) // a refusal the caller reports, not a server error to log
public class StockConflictException extends RuntimeException {

    private final List<String> skus;

    public StockConflictException(List<String> skus) {
        super("Stock would go below zero for " + String.join(", ", skus) + "; nothing was changed");
        this.skus = List.copyOf(skus);
    }

    public List<String> skus() {
        return skus;
    }
}
