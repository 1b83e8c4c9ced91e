package dev.orion.catalog.batch;

import dev.orion.catalog.application.FeedRow;
import dev.orion.catalog.application.FeedRowMapper;
import dev.orion.platform.imports.ImportIssues;
import dev.orion.catalog.application.MappedRow;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Validates and maps each row; a broken row throws a skippable RejectedRowException, and warnings about dropped
 * optional data go to the import report in the chunk's transaction.
 */
@Named
@Dependent
public class ProductRowProcessor implements ItemProcessor {

    @Inject
    FeedRowMapper mapper;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String vendorId;

    @Inject
    @BatchProperty
    String dryRun;

    @EJB
    ImportIssues issues;

    @Override
    public Object processItem(Object item) {
        MappedRow mapped = mapper.map((FeedRow) item);
        boolean forProduct = !Boolean.parseBoolean(dryRun); // a dry run's warnings are no product's open issues
        mapped.warnings().forEach(w -> issues.warned(job.getInstanceId(), Long.parseLong(vendorId), w, forProduct));
        return mapped.product();
    }
}
