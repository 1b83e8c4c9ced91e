package dev.orion.reporting.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sales report shows. Sales are orders confirmed, shipped or delivered; the per-status table counts
 * every order created in the period. Amounts are VAT-inclusive (gross) and split at each vendor's VAT rate.
 */
public record SalesFigures(SalesReportRequest request, String vendorName, List<DayTotal> days,
                           List<ProductTotal> products, List<StatusTotal> statuses) implements Serializable {

    public record DayTotal(LocalDate day, String currency, long orders, BigDecimal gross, BigDecimal net, BigDecimal vat)
            implements Serializable {

        DayTotal plus(DayTotal other) {
            return new DayTotal(day, currency, orders + other.orders, gross.add(other.gross), net.add(other.net), vat.add(other.vat));
        }
    }

    public record ProductTotal(String vendor, String sku, String title, String currency, long quantity, BigDecimal gross,
                               BigDecimal net, BigDecimal vat) implements Serializable {
    }

    public record StatusTotal(String status, String currency, long orders, BigDecimal gross) implements Serializable {

        StatusTotal plus(StatusTotal other) {
            return new StatusTotal(status, currency, orders + other.orders, gross.add(other.gross));
        }
    }

    /**
     * One report from the figures of its parts (one per vendor, computed in parallel): days and statuses of
     * the same currency add up; products stay per vendor, biggest sellers first, as the single query orders them.
     */
    public static SalesFigures combine(SalesReportRequest request, String vendorName, List<SalesFigures> parts) {
        Map<String, DayTotal> days = new TreeMap<>();
        Map<String, StatusTotal> statuses = new TreeMap<>();
        for (SalesFigures part : parts) {
            part.days.forEach(d -> days.merge(d.day + " " + d.currency, d, DayTotal::plus));
            part.statuses.forEach(s -> statuses.merge(s.status + " " + s.currency, s, StatusTotal::plus));
        }
        List<ProductTotal> products = parts.stream().flatMap(p -> p.products.stream())
                .sorted(Comparator.comparing(ProductTotal::gross).reversed()
                        .thenComparing(ProductTotal::vendor).thenComparing(ProductTotal::sku))
                .toList();
        return new SalesFigures(request, vendorName, List.copyOf(days.values()), products, List.copyOf(statuses.values()));
    }
}
