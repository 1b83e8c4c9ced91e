package dev.orion.platform.flags;

/** Fired when a flag value is stored or removed; {@link FeatureFlags} drops its copies once that commits. */
public record FlagsChanged(String name) {
}
