package dev.orion.orders.batch;

import dev.orion.orders.application.MarketplaceOrderParser;
import dev.orion.orders.application.MarketplaceOrder;
import dev.orion.orders.application.MarketplaceOrders;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Parses and validates each order line (a broken one throws a skippable RejectedRowException) and filters out
 * orders the vendor already has, so a re-read feed counts them as filtered, not written.
 */
@Named
@Dependent
public class MarketplaceOrderProcessor implements ItemProcessor {

    @Inject
    @BatchProperty
    String vendorId;

    @EJB
    MarketplaceOrders orders;

    @Override
    public Object processItem(Object item) {
        var line = (OrderFeedLine) item;
        MarketplaceOrder order = MarketplaceOrderParser.parse(line.number(), line.text());
        return orders.known(Long.parseLong(vendorId), order.externalId()) ? null : order;
    }
}
