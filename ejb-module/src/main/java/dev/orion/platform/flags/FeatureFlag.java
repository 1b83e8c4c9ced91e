package dev.orion.platform.flags;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A switch a capability declares: its name ({@code orders.imports}: the capability, a dot, the feature), what it
 * switches for the people who set it, and whether it is on when nobody has set it.
 */
public record FeatureFlag(String name, String description, boolean onByDefault) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    public FeatureFlag {
        Objects.requireNonNull(description, "description");
        if (name == null || name.length() > 100 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A flag name is capability.feature in lower case, e.g. orders.imports: " + name);
        }
    }
}
