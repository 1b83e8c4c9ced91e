package dev.orion.catalog.imports;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductUpsert;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Upserts each chunk by (vendor, SKU) in the chunk's transaction. */
@Named
@Dependent
public class ProductBatchWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String vendorId;

    @Inject
    ProductCatalog catalog;

    @Override
    public void writeItems(List<Object> items) {
        catalog.upsertAll(Long.parseLong(vendorId), items.stream().map(ProductUpsert.class::cast).toList());
    }
}
