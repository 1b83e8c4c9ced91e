package dev.orion.vendors.application;

import dev.orion.vendors.domain.Vendor;

/** What other capabilities need to know about a vendor; small enough to cache. */
public record VendorSummary(long id, String code, String name, String locale, boolean active) {

    static VendorSummary of(Vendor vendor) {
        return new VendorSummary(vendor.getId(), vendor.getCode(), vendor.getName(), vendor.getLocale(), vendor.isActive());
    }
}
