package dev.orion.catalog.application;

import dev.orion.catalog.domain.Product;
import dev.orion.events.application.EventLog;
import dev.orion.events.application.EventTypes;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events the catalogue's changes become (docs/webhooks.md), recorded in the transaction of the change:
 * {@code product.*} (one per API write, one summary per import chunk) and {@code stock.low}.
 */
@ApplicationScoped
public class CatalogEvents {

    @Inject
    EventLog events;

    @Inject
    VendorDirectory vendors;

    /** One event for the SKUs a single change (API, console) or an import chunk touched; none for none. */
    void products(long vendorId, String type, List<String> skus, String source) {
        if (skus.isEmpty()) {
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("source", source);
        data.put("count", skus.size());
        data.put("skus", skus);
        events.record(vendorId, type, data);
    }

    /**
     * {@code stock.low} when this change took the product's stock from above its vendor's low-stock threshold (the
     * dashboard's and the product list's, at or below it) to at or below it.
     */
    void stockMoved(Product product, int before) {
        if (product.getStock() >= before) {
            return; // stock that did not fall crossed no threshold: no look-up
        }
        int threshold = vendors.lowStockThreshold(product.getVendorId());
        if (before > threshold && product.getStock() <= threshold) {
            var stock = new LinkedHashMap<String, Object>();
            stock.put("sku", product.getSku());
            stock.put("stock", product.getStock());
            stock.put("previous_stock", before);
            stock.put("threshold", threshold);
            events.record(product.getVendorId(), EventTypes.STOCK_LOW, Map.of("product", stock));
        }
    }
}
