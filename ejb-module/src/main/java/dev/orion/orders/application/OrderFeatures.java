package dev.orion.orders.application;

import dev.orion.platform.flags.FeatureFlag;
import dev.orion.platform.flags.FeatureFlagCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The switches of the orders capability (docs/flags.md). */
@ApplicationScoped
public class OrderFeatures implements FeatureFlagCatalog {

    /** Marketplace order imports: uploads and URLs (API and console) and the scheduled import of the vendor's feed. */
    public static final FeatureFlag IMPORTS = new FeatureFlag("orders.imports", "Marketplace order imports", true);

    @Override
    public List<FeatureFlag> flags() {
        return List.of(IMPORTS);
    }
}
