package dev.orion.reporting.application;

import dev.orion.platform.flags.FeatureFlag;
import dev.orion.platform.flags.FeatureFlagCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The switches of the reporting capability (docs/flags.md). */
@ApplicationScoped
public class ReportFeatures implements FeatureFlagCatalog {

    /**
     * Sales reports (CSV and PDF) asked for in the console or over the API. The nightly emailed reports are a
     * schedule of their own and are paused there.
     */
    public static final FeatureFlag SALES_REPORTS = new FeatureFlag("reporting.sales-reports", "Sales reports on request (CSV, PDF)", true);

    @Override
    public List<FeatureFlag> flags() {
        return List.of(SALES_REPORTS);
    }
}
