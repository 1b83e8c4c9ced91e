package dev.orion.orders.application;

import dev.orion.platform.flags.FeatureFlags;
import dev.orion.platform.scheduling.ScheduledTask;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@code marketplace-order-import} task: starts an order import from each active vendor's marketplace
 * orders feed URL. Each import fetches its feed itself (a feed that cannot be fetched fails that import, see
 * docs/imports.md); a vendor with {@link OrderFeatures#IMPORTS} off is skipped; a vendor whose import cannot even start does not stop the others; the run fails, naming them.
 */
@ApplicationScoped
public class MarketplaceOrderImportTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(MarketplaceOrderImportTask.class.getName());

    @EJB
    OrderImports imports;

    @Inject
    VendorDirectory vendors;

    @Inject
    FeatureFlags flags;

    @Override
    public String name() {
        return "marketplace-order-import";
    }

    @Override
    public String run(Map<String, String> parameters) {
        List<String> started = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Long> switchedOff = new ArrayList<>();
        vendors.ordersFeeds().forEach((vendorId, url) -> {
            if (!flags.isOn(OrderFeatures.IMPORTS, vendorId)) {
                switchedOff.add(vendorId);
                return;
            }
            try {
                started.add("vendor " + vendorId + ": import " + imports.startScheduled(vendorId, URI.create(url)));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Order feed of vendor " + vendorId + " (" + url + ") not imported: " + e.getMessage());
                failed.add("vendor " + vendorId + ": " + e.getMessage());
            }
        });
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Started " + started.size() + " import(s); could not start " + failed.size() + ": " + String.join("; ", failed));
        }
        return "started " + started.size() + " import(s)" + (started.isEmpty() ? "" : ": " + String.join("; ", started))
                + (switchedOff.isEmpty() ? "" : "; skipped vendor(s) " + switchedOff + " (" + OrderFeatures.IMPORTS.name() + " off)");
    }
}
