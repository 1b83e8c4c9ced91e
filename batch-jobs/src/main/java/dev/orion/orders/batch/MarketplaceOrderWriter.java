package dev.orion.orders.batch;

import dev.orion.orders.application.MarketplaceOrder;
import dev.orion.orders.application.MarketplaceOrders;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Records each chunk's new orders in the chunk's transaction: orders, stock and emails commit together. */
@Named
@Dependent
public class MarketplaceOrderWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String vendorId;

    @Inject
    JobContext job;

    @EJB
    MarketplaceOrders orders;

    @Override
    public void writeItems(List<Object> items) {
        orders.record(Long.parseLong(vendorId), job.getInstanceId(), items.stream().map(MarketplaceOrder.class::cast).toList());
    }
}
