package dev.orion.reporting.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a sales report shows. Sales are orders confirmed, shipped or delivered; the per-status table counts
 * every order created in the period. Amounts are VAT-inclusive (gross) and split at each vendor's VAT rate.
 */
public record SalesFigures(SalesReportRequest request, String vendorName, List<DayTotal> days,
                           List<ProductTotal> products, List<StatusTotal> statuses) {

    public record DayTotal(LocalDate day, String currency, long orders, BigDecimal gross, BigDecimal net, BigDecimal vat) {
    }

    public record ProductTotal(String vendor, String sku, String title, String currency, long quantity, BigDecimal gross,
                               BigDecimal net, BigDecimal vat) {
    }

    public record StatusTotal(String status, String currency, long orders, BigDecimal gross) {
    }
}
