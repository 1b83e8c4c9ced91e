package dev.orion.reporting.application;

import dev.orion.identity.application.ConsoleUsers;
import dev.orion.platform.scheduling.ScheduledTask;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.vendors.application.VendorSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code nightly-sales-reports} task: yesterday's sales report (UTC day) for every active vendor that has
 * console users, emailed to them with the file attached. Parameter {@code format}: PDF (default) or CSV.
 */
@ApplicationScoped
public class NightlySalesReportsTask implements ScheduledTask {

    @EJB
    SalesReports reports;

    @EJB
    ConsoleUsers users;

    @Inject
    VendorDirectory vendors;

    @Override
    public String name() {
        return "nightly-sales-reports";
    }

    @Override
    public String run(Map<String, String> parameters) {
        ReportFormat format = ReportFormat.valueOf(parameters.getOrDefault("format", "PDF").toUpperCase(Locale.ROOT));
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        int requested = 0;
        for (VendorSummary vendor : vendors.all()) {
            var recipients = users.vendorUserEmails(vendor.id());
            if (vendor.active() && !recipients.isEmpty()) {
                reports.request(new SalesReportRequest(vendor.id(), yesterday, yesterday, format), recipients, vendor.locale());
                requested++;
            }
        }
        return "requested " + requested + " " + format + " report(s) for " + yesterday;
    }
}
