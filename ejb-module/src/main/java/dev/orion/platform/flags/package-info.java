/**
 * Feature flags: switches a capability declares ({@link dev.orion.platform.flags.FeatureFlag}, listed by its
 * {@link dev.orion.platform.flags.FeatureFlagCatalog}), set for the whole platform or per vendor (a vendor's
 * override beats the platform value), stored in PostgreSQL and cached in Redis and in memory for
 * {@code ORION_FLAGS_CACHE_SECONDS}. The kernel knows no flag by name: each capability owns its switches and asks
 * {@link dev.orion.platform.flags.FeatureFlags} whether they are on.
 */
package dev.orion.platform.flags;
