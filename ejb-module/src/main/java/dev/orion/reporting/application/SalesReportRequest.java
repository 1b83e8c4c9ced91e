package dev.orion.reporting.application;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A sales report over the days {@code from} to {@code to}, both included, for one vendor or (null) all. */
public record SalesReportRequest(Long vendorId, LocalDate from, LocalDate to, ReportFormat format) implements Serializable {

    public static final int MAX_DAYS = 366 * 5;
    /** The vendorId job parameter of a report over all vendors. */
    public static final String ALL_VENDORS = "all";

    public SalesReportRequest {
        if (from == null || to == null || format == null) {
            throw new IllegalArgumentException("from, to and format are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("A report covers at most " + MAX_DAYS + " days");
        }
    }

    /** The request a {@code sales-report} job was started with. */
    public static SalesReportRequest fromJobParameters(Map<String, String> parameters) {
        String vendor = parameters.get("vendorId");
        return new SalesReportRequest(vendor == null || ALL_VENDORS.equals(vendor) ? null : Long.valueOf(vendor),
                LocalDate.parse(parameters.get("from")), LocalDate.parse(parameters.get("to")),
                ReportFormat.valueOf(parameters.get("format")));
    }
}
