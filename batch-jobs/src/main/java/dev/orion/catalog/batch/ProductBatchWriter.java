package dev.orion.catalog.batch;

import dev.orion.catalog.application.ImportPreviews;
import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductUpsert;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import dev.orion.platform.batch.CheckpointedChunkCommit;
import dev.orion.platform.imports.ImportIssues;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Upserts each chunk by (vendor, SKU) in the chunk's transaction (COPY into staging, one merge: see
 * ProductBulkUpsert); a full import also remembers the SKUs seen, and every import what it changed (for a revert),
 * in the same statement. The chunk's products
 * are now named by this import, so their open issues from earlier imports are closed. A dry run compares the
 * chunk with the catalogue instead ({@link ImportPreviews}) and writes neither products nor their issues. Either way
 * the chunk commits without waiting for the WAL flush ({@link CheckpointedChunkCommit}: a chunk lost in a crash is lost with
 * its checkpoint, and the restart writes it again, an upsert, or counts it again into the preview).
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
    @BatchProperty
    String dryRun;

    @Inject
    JobContext job;

    @EJB
    ImportPreviews previews;

    @EJB
    ImportIssues issues;

    @Inject
    ProductCatalog catalog;

    @EJB
    CheckpointedChunkCommit chunkCommit;

    @Override
    public void writeItems(List<Object> items) {
        List<ProductUpsert> products = items.stream().map(ProductUpsert.class::cast).toList();
        long vendor = Long.parseLong(vendorId);
        boolean full = AbsentProductsBatchlet.FULL.equals(mode);
        chunkCommit.withoutWaitingForTheFlush();
        if (Boolean.parseBoolean(dryRun)) {
            previews.previewChunk(vendor, products, job.getInstanceId(), full);
            return;
        }
        catalog.upsertAll(vendor, products, full ? job.getInstanceId() : null, job.getInstanceId());
        issues.closeEarlier(job.getInstanceId(), vendor, products.stream().map(ProductUpsert::sku).toArray(String[]::new));
    }
}
