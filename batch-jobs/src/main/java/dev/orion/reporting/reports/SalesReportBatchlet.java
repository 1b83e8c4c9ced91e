package dev.orion.reporting.reports;

import dev.orion.reporting.application.SalesReports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** Produces the requested sales report file; the figures come from the database in one pass. */
@Named
@Dependent
public class SalesReportBatchlet extends AbstractBatchlet {

    @Inject @BatchProperty String vendorId;
    @Inject @BatchProperty String from;
    @Inject @BatchProperty String to;
    @Inject @BatchProperty String format;
    @Inject @BatchProperty String storageKey;

    @EJB
    SalesReports reports;

    @Override
    public String process() {
        reports.produce(Map.of("vendorId", vendorId, "from", from, "to", to, "format", format, "storageKey", storageKey));
        return BatchStatus.COMPLETED.name();
    }
}
