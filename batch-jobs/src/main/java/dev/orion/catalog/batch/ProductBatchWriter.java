package dev.orion.catalog.batch;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductUpsert;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Upserts each chunk by (vendor, SKU) in the chunk's transaction (COPY into staging, one merge: see
 * ProductBulkUpsert); a full import also remembers the SKUs seen, in the same statement.
 */
@Named
@Dependent
public class ProductBatchWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String vendorId;

    @Inject
    @BatchProperty
    String mode;

    @Inject
    JobContext job;

    @Inject
    ProductCatalog catalog;

    @Override
    public void writeItems(List<Object> items) {
        List<ProductUpsert> products = items.stream().map(ProductUpsert.class::cast).toList();
        catalog.upsertAll(Long.parseLong(vendorId), products,
                AbsentProductsBatchlet.FULL.equals(mode) ? job.getInstanceId() : null);
    }
}
