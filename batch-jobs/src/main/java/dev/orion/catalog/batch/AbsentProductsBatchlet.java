package dev.orion.catalog.batch;

import dev.orion.catalog.application.ImportPreviews;
import dev.orion.catalog.application.ProductCatalog;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The last step of a full import (mode=full): the vendor's products the feed did not name become out of stock.
 * It only runs when every row was read, so a failed import never marks anything; re-running it is harmless.
 * A dry run only counts them, and completes its preview.
 */
@Named
@Dependent
public class AbsentProductsBatchlet extends AbstractBatchlet {

    static final String FULL = "full";

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

    @Inject
    ProductCatalog catalog;

    @Override
    public String process() {
        if (Boolean.parseBoolean(dryRun)) {
            int absent = previews.finish(Long.parseLong(vendorId), job.getInstanceId(), FULL.equals(mode));
            return FULL.equals(mode) ? "Dry run: " + absent + " product(s) absent from the feed would be marked out_of_stock"
                    : "Dry run: nothing was changed";
        }
        if (!FULL.equals(mode)) {
            return "Not a full import: other products left as they were";
        }
        int marked = catalog.markAbsentUnavailable(Long.parseLong(vendorId), job.getInstanceId());
        return marked + " product(s) absent from the feed marked out_of_stock";
    }
}
