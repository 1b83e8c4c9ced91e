package dev.orion.reporting.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the console's welcome page for one vendor or all of them. Revenue counts every order that is
 * not CANCELLED or REFUNDED (pending orders included), per currency, VAT included; days are UTC days.
 * {@code platform} is null for vendor users, who see nothing of the platform's jobs and emails.
 */
public record Dashboard(LocalDate today, long ordersToday, List<Revenue> revenue, ProductCount products, long lowStock,
                        List<DayRevenue> revenuePerDay, List<StatusCount> ordersPerStatus, PlatformHealth platform)
        implements Serializable {

    /** Days shown in the revenue chart, today included. */
    public static final int CHART_DAYS = 30;

    public record Revenue(String currency, BigDecimal last7Days, BigDecimal last30Days) implements Serializable {
    }

    public record DayRevenue(LocalDate day, String currency, BigDecimal amount) implements Serializable {
    }

    public record StatusCount(String status, long orders) implements Serializable {
    }

    /** Exact for one vendor; for all vendors of a big catalogue, PostgreSQL's estimate (see DashboardFigures). */
    public record ProductCount(long value, boolean approximate) implements Serializable {
    }

    public record PlatformHealth(long failedJobs, long emailBacklog, long deadLetters) implements Serializable {
    }

    /** The chart's days, oldest first, ending today. */
    public List<LocalDate> chartDays() {
        var days = new ArrayList<LocalDate>(CHART_DAYS);
        for (int i = CHART_DAYS - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        return days;
    }

    /** Currencies with revenue in the chart's period, in the order the figures list them. */
    public List<String> chartCurrencies() {
        return revenuePerDay.stream().map(DayRevenue::currency).distinct().toList();
    }

    /** Revenue in {@code currency} for each of {@link #chartDays()}: zero on a day without sales. */
    public List<BigDecimal> revenueSeries(String currency) {
        return chartDays().stream().map(day -> revenuePerDay.stream()
                        .filter(r -> r.day().equals(day) && r.currency().equals(currency))
                        .map(DayRevenue::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .toList();
    }
}
