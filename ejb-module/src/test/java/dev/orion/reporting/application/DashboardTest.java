package dev.orion.reporting.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.reporting.application.Dashboard.DayRevenue;
import dev.orion.reporting.application.Dashboard.ProductCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    private static Dashboard withRevenue(DayRevenue... days) {
        return new Dashboard(TODAY, 0, List.of(), new ProductCount(0, false), 0, List.of(days), List.of(), null);
    }

    @Test
    void chartCoversThirtyDaysEndingToday() {
        List<LocalDate> days = withRevenue().chartDays();
        assertEquals(Dashboard.CHART_DAYS, days.size());
        assertEquals(LocalDate.of(2026, 3, 2), days.get(0));
        assertEquals(TODAY, days.get(days.size() - 1));
    }

    @Test
    void daysWithoutSalesShowZeroAndEachCurrencyKeepsItsOwnSeries() {
        var dashboard = withRevenue(new DayRevenue(TODAY, "EUR", new BigDecimal("40.00")),
                new DayRevenue(TODAY.minusDays(2), "EUR", new BigDecimal("12.50")),
                new DayRevenue(TODAY, "GBP", new BigDecimal("7.00")));

        List<BigDecimal> eur = dashboard.revenueSeries("EUR");
        assertEquals(List.of("EUR", "GBP"), dashboard.chartCurrencies());
        assertEquals(new BigDecimal("40.00"), eur.get(29));
        assertEquals(BigDecimal.ZERO, eur.get(28));
        assertEquals(new BigDecimal("12.50"), eur.get(27));
        assertEquals(new BigDecimal("7.00"), dashboard.revenueSeries("GBP").get(29));
        assertEquals(BigDecimal.ZERO, dashboard.revenueSeries("GBP").get(27));
    }
}
