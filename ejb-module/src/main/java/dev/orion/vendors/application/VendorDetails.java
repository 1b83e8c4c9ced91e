package dev.orion.vendors.application;

import dev.orion.vendors.domain.Vendor;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A vendor with its settings, as the administration pages show it. */
public record VendorDetails(long id, String code, String name, String locale, BigDecimal vatRate, String ordersFeedUrl,
                            int lowStockThreshold, boolean active, OffsetDateTime createdAt) implements Serializable {

    static VendorDetails of(Vendor v) {
        return new VendorDetails(v.getId(), v.getCode(), v.getName(), v.getLocale(), v.getVatRate(), v.getOrdersFeedUrl(),
                v.getLowStockThreshold(), v.isActive(), v.getCreatedAt());
    }

    public VendorSettings settings() {
        return new VendorSettings(name, locale, vatRate, ordersFeedUrl, lowStockThreshold);
    }
}
