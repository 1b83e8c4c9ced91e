package dev.orion.platform.flags;

import java.util.List;

/**
 * Implemented by each capability that has switches (a CDI bean): the flags it declares. The console and the API
 * list and accept only these names.
 */
public interface FeatureFlagCatalog {

    List<FeatureFlag> flags();
}
