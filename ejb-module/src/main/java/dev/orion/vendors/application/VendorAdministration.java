package dev.orion.vendors.application;

import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Vendor changes as an administrator makes them: each goes through {@link VendorDirectory} (which drops the
 * cached vendor) and is audited in the same transaction.
 */
@Stateless
public class VendorAdministration {

    @Inject
    VendorDirectory vendors;

    @Inject
    AuditLog audit;

    public VendorDetails create(Actor who, String code, VendorSettings settings) {
        String trimmed = code == null ? "" : code.strip();
        if (vendors.codeTaken(trimmed)) {
            throw new InvalidFieldException("code", "vendor.code.taken", "Vendor code " + trimmed + " is already used");
        }
        VendorDetails created = vendors.create(trimmed, settings);
        audit.record(who, created.id(), "vendor.create", "vendor", created.id(), created.code());
        return created;
    }

    public VendorDetails update(Actor who, long vendorId, VendorSettings settings) {
        VendorDetails before = vendors.details(vendorId).orElseThrow(() -> new IllegalArgumentException("No vendor " + vendorId));
        VendorDetails after = vendors.update(vendorId, settings);
        audit.record(who, vendorId, "vendor.update", "vendor", vendorId, changes(before, after));
        return after;
    }

    /** A vendor's own settings, as its API clients change them (the administrator's others stay as they are). */
    public VendorDetails changeLowStockThreshold(Actor who, long vendorId, int threshold) {
        VendorDetails before = vendors.details(vendorId).orElseThrow(() -> new IllegalArgumentException("No vendor " + vendorId));
        var settings = before.settings();
        VendorDetails after = vendors.update(vendorId, new VendorSettings(settings.name(), settings.locale(), settings.vatRate(),
                settings.ordersFeedUrl(), threshold));
        audit.record(who, vendorId, "vendor.update", "vendor", vendorId, changes(before, after));
        return after;
    }

    public void deactivate(Actor who, long vendorId) {
        vendors.deactivate(vendorId);
        audit.record(who, vendorId, "vendor.deactivate", "vendor", vendorId, null);
    }

    public void activate(Actor who, long vendorId) {
        vendors.activate(vendorId);
        audit.record(who, vendorId, "vendor.activate", "vendor", vendorId, null);
    }

    /** Which settings changed, e.g. "name, ordersFeedUrl", so the audit log tells what was edited. */
    static String changes(VendorDetails before, VendorDetails after) {
        var changed = new java.util.ArrayList<String>();
        if (!before.name().equals(after.name())) changed.add("name");
        if (!before.locale().equals(after.locale())) changed.add("locale");
        if (before.vatRate().compareTo(after.vatRate()) != 0) changed.add("vatRate");
        if (!java.util.Objects.equals(before.ordersFeedUrl(), after.ordersFeedUrl())) changed.add("ordersFeedUrl");
        if (before.lowStockThreshold() != after.lowStockThreshold()) changed.add("lowStockThreshold");
        return changed.isEmpty() ? "no change" : String.join(", ", changed);
    }
}
