package dev.orion.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesFiguresTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private static final SalesReportRequest ALL = new SalesReportRequest(null, MONDAY, MONDAY.plusDays(1), ReportFormat.CSV);

    @Test
    void vendorPartsAddUpPerDayAndStatusInTheSameCurrencyAndKeepProductsPerVendor() {
        var first = part(List.of(day(MONDAY, "EUR", 2, "30.00", "5.00"), day(MONDAY.plusDays(1), "EUR", 1, "10.00", "1.67")),
                List.of(product("a", "MUG", "30.00")), List.of(status("CONFIRMED", "EUR", 3, "40.00")));
        var second = part(List.of(day(MONDAY, "EUR", 1, "12.00", "1.09"), day(MONDAY, "GBP", 1, "8.00", "1.33")),
                List.of(product("b", "TENT", "120.00"), product("b", "MUG", "30.00")),
                List.of(status("CONFIRMED", "EUR", 1, "12.00"), status("CANCELLED", "GBP", 1, "8.00")));

        SalesFigures report = SalesFigures.combine(ALL, "All vendors", List.of(first, second));

        assertEquals(List.of(day(MONDAY, "EUR", 3, "42.00", "6.09"), day(MONDAY, "GBP", 1, "8.00", "1.33"),
                day(MONDAY.plusDays(1), "EUR", 1, "10.00", "1.67")), report.days());
        assertEquals(List.of("b/TENT", "a/MUG", "b/MUG"), report.products().stream().map(p -> p.vendor() + "/" + p.sku()).toList(),
                "biggest sellers first, ties by vendor then SKU");
        assertEquals(List.of(status("CANCELLED", "GBP", 1, "8.00"), status("CONFIRMED", "EUR", 4, "52.00")), report.statuses());
    }

    @Test
    void noPartsMakeAnEmptyReport() {
        SalesFigures report = SalesFigures.combine(ALL, "All vendors", List.of());
        assertEquals(0, report.days().size() + report.products().size() + report.statuses().size());
    }

    private static SalesFigures part(List<SalesFigures.DayTotal> days, List<SalesFigures.ProductTotal> products,
                                     List<SalesFigures.StatusTotal> statuses) {
        return new SalesFigures(ALL, "part", days, products, statuses);
    }

    private static SalesFigures.DayTotal day(LocalDate day, String currency, long orders, String gross, String vat) {
        return new SalesFigures.DayTotal(day, currency, orders, new BigDecimal(gross), new BigDecimal(gross).subtract(new BigDecimal(vat)), new BigDecimal(vat));
    }

    private static SalesFigures.ProductTotal product(String vendor, String sku, String gross) {
        return new SalesFigures.ProductTotal(vendor, sku, sku, "EUR", 1, new BigDecimal(gross), new BigDecimal(gross), BigDecimal.ZERO);
    }

    private static SalesFigures.StatusTotal status(String status, String currency, long orders, String gross) {
        return new SalesFigures.StatusTotal(status, currency, orders, new BigDecimal(gross));
    }
}
