package dev.orion.vendors.application;

import dev.orion.vendors.domain.Vendor;
import java.io.Serializable;

/** What other capabilities need to know about a vendor; small enough to cache. */
public record VendorSummary(long id, String code, String name, String locale, boolean active) implements Serializable {

    static VendorSummary of(Vendor vendor) {
        return new VendorSummary(vendor.getId(), vendor.getCode(), vendor.getName(), vendor.getLocale(), vendor.isActive());
    }
}
