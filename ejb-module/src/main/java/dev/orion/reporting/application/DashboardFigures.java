package dev.orion.reporting.application;

import dev.orion.reporting.application.Dashboard.DayRevenue;
import dev.orion.reporting.application.Dashboard.PlatformHealth;
import dev.orion.reporting.application.Dashboard.ProductCount;
import dev.orion.reporting.application.Dashboard.Revenue;
import dev.orion.reporting.application.Dashboard.StatusCount;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Aggregates for the dashboard, each one SQL query over indexed columns (see V11). Scoped to one vendor, or to
 * all vendors for platform users, who also see failed batch jobs and the email outbox.
 */
@Stateless
public class DashboardFigures {

    /** Below this estimate the product count is exact; above it PostgreSQL's estimate is shown instead. */
    static final long EXACT_COUNT_LIMIT = 100_000;

    private static final String SOLD = " AND status NOT IN ('CANCELLED', 'REFUNDED')";

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * @param vendorId       the vendor to show; null for all vendors (platform users only)
     * @param platformHealth whether to add failed jobs and the email outbox (platform users only)
     */
    public Dashboard of(Long vendorId, boolean platformHealth) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        OffsetDateTime dayStart = today.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime weekStart = dayStart.minusDays(6);
        OffsetDateTime chartStart = dayStart.minusDays(Dashboard.CHART_DAYS - 1);
        String vendor = vendorId == null ? "" : " AND vendor_id = :vendor";

        long ordersToday = count(query("SELECT count(*) FROM orders WHERE created_at >= :from" + vendor, vendorId)
                .setParameter("from", dayStart));
        List<Revenue> revenue = rows(query("SELECT currency, coalesce(sum(total_amount) FILTER (WHERE created_at >= :week), 0),"
                + " sum(total_amount) FROM orders WHERE created_at >= :from" + SOLD + vendor
                + " GROUP BY currency ORDER BY currency", vendorId).setParameter("week", weekStart).setParameter("from", chartStart))
                .stream().map(r -> new Revenue(currency(r[0]), (BigDecimal) r[1], (BigDecimal) r[2])).toList();
        List<DayRevenue> perDay = rows(query("SELECT CAST(created_at AT TIME ZONE 'UTC' AS date), currency, sum(total_amount)"
                + " FROM orders WHERE created_at >= :from" + SOLD + vendor + " GROUP BY 1, 2 ORDER BY 2, 1", vendorId)
                .setParameter("from", chartStart))
                .stream().map(r -> new DayRevenue(day(r[0]), currency(r[1]), (BigDecimal) r[2])).toList();
        List<StatusCount> perStatus = rows(query("SELECT status, count(*) FROM orders WHERE created_at >= :from" + vendor
                + " GROUP BY status ORDER BY status", vendorId).setParameter("from", chartStart))
                .stream().map(r -> new StatusCount((String) r[0], ((Number) r[1]).longValue())).toList();
        long lowStock = count(query(vendorId == null ? LOW_STOCK_ALL : LOW_STOCK_ONE, vendorId));

        return new Dashboard(today, ordersToday, revenue, products(vendorId), lowStock, perDay, perStatus,
                platformHealth ? platformHealth() : null);
    }

    /**
     * Low stock is each vendor's own threshold (vendors.low_stock_threshold, the one its stock.low events use). Either
     * way a range of products_vendor_stock_idx (vendor_id, stock) per vendor is read: the threshold is a constant
     * for one vendor, and all vendors are counted vendor by vendor.
     */
    static final String LOW_STOCK_ONE = "SELECT count(*) FROM products WHERE vendor_id = :vendor"
            + " AND stock <= (SELECT low_stock_threshold FROM vendors WHERE id = :vendor) AND availability <> 'discontinued'";
    static final String LOW_STOCK_ALL = "SELECT coalesce(sum(low.products), 0) FROM vendors v CROSS JOIN LATERAL"
            + " (SELECT count(*) AS products FROM products p WHERE p.vendor_id = v.id AND p.stock <= v.low_stock_threshold"
            + " AND p.availability <> 'discontinued') low";

    /**
     * One vendor's products are counted exactly from the (vendor_id, id) index. All products together could be
     * millions: past {@link #EXACT_COUNT_LIMIT} the planner's estimate (pg_class.reltuples, kept by autovacuum
     * and ANALYZE) is shown as approximate rather than scanning the table on every visit.
     */
    private ProductCount products(Long vendorId) {
        if (vendorId != null) {
            return new ProductCount(count(query("SELECT count(*) FROM products WHERE vendor_id = :vendor", vendorId)), false);
        }
        long estimate = count(em.createNativeQuery(
                "SELECT coalesce(CAST(max(reltuples) AS bigint), -1) FROM pg_class WHERE oid = to_regclass('products')"));
        if (estimate >= EXACT_COUNT_LIMIT) {
            return new ProductCount(estimate, true);
        }
        return new ProductCount(count(em.createNativeQuery("SELECT count(*) FROM products")), false);
    }

    private PlatformHealth platformHealth() {
        // JBeret creates its tables on first use: a database that never ran a job has none to count
        boolean jobsKnown = em.createNativeQuery("SELECT to_regclass('public.job_execution') IS NOT NULL")
                .getSingleResult().equals(Boolean.TRUE);
        long failedJobs = jobsKnown ? count(em.createNativeQuery("SELECT count(*) FROM public.job_execution"
                + " WHERE batchstatus = 'FAILED' AND createtime >= CAST(now() - INTERVAL '7 days' AS timestamp)")) : 0;
        List<Object[]> outbox = rows(em.createNativeQuery("SELECT count(*) FILTER (WHERE status = 'QUEUED'),"
                + " count(*) FILTER (WHERE status = 'FAILED') FROM email_outbox WHERE status <> 'SENT'"));
        return new PlatformHealth(failedJobs, ((Number) outbox.get(0)[0]).longValue(), ((Number) outbox.get(0)[1]).longValue());
    }

    private Query query(String sql, Long vendorId) {
        Query query = em.createNativeQuery(sql);
        if (vendorId != null) {
            query.setParameter("vendor", vendorId);
        }
        return query;
    }

    private static long count(Query query) {
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static String currency(Object value) {
        return value.toString().strip();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
