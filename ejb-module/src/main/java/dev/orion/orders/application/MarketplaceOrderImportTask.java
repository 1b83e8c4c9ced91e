package dev.orion.orders.application;

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
 * docs/imports.md); a vendor whose import cannot even start does not stop the others; the run fails, naming them.
 */
@ApplicationScoped
public class MarketplaceOrderImportTask implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(MarketplaceOrderImportTask.class.getName());

    @EJB
    OrderImports imports;

    @Inject
    VendorDirectory vendors;

    @Override
    public String name() {
        return "marketplace-order-import";
    }

    @Override
    public String run(Map<String, String> parameters) {
        List<String> started = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        vendors.ordersFeeds().forEach((vendorId, url) -> {
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
        return "started " + started.size() + " import(s)" + (started.isEmpty() ? "" : ": " + String.join("; ", started));
    }
}
