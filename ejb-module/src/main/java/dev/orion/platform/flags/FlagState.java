package dev.orion.platform.flags;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A declared flag with what is stored for it: the platform value (null: the default applies) and the vendors'
 * overrides. Read from the database, not the caches: this is what the console and the API show and edit.
 */
public record FlagState(String name, String description, boolean onByDefault, Boolean platform,
                        Instant platformUpdatedAt, String platformUpdatedBy, List<VendorValue> vendors) implements Serializable {

    /** One vendor's override. */
    public record VendorValue(long vendorId, boolean enabled, Instant updatedAt, String updatedBy) implements Serializable {
    }

    /** On or off for vendors without an override. */
    public boolean platformOn() {
        return platform != null ? platform : onByDefault;
    }
}
