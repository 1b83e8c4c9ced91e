package dev.orion.catalog.application;

import dev.orion.catalog.domain.Product;
import dev.orion.events.application.EventLog;
import dev.orion.events.application.EventTypes;
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

    /** Where stock counts as low: the dashboard's and the product list's figure, at or below it. */
    public static final int LOW_STOCK = ProductQuery.LOW_STOCK;

    @Inject
    EventLog events;

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

    /** {@code stock.low} when this change took the product's stock from above {@link #LOW_STOCK} to at or below it. */
    void stockMoved(Product product, int before) {
        if (before > LOW_STOCK && product.getStock() <= LOW_STOCK) {
            var stock = new LinkedHashMap<String, Object>();
            stock.put("sku", product.getSku());
            stock.put("stock", product.getStock());
            stock.put("previous_stock", before);
            stock.put("threshold", LOW_STOCK);
            events.record(product.getVendorId(), EventTypes.STOCK_LOW, Map.of("product", stock));
        }
    }
}
