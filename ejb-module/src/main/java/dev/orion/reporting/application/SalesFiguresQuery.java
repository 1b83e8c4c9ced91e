package dev.orion.reporting.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Computes a sales report's figures in PostgreSQL: the database aggregates, Java only renders. Days are UTC
 * calendar days; VAT is taken out of each gross amount at the vendor's rate and rounded per order (per line
 * for products), as an invoice would.
 */
@Stateless
public class SalesFiguresQuery {

    static final String SOLD = "o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED')";
    private static final String VAT = "round(%s * v.vat_rate / (100 + v.vat_rate), 2)";

    @PersistenceContext
    EntityManager em;

    /** A report's three tables; the job computes them in parallel, each with one query over the report's scope. */
    public enum Section { DAYS, PRODUCTS, STATUSES }

    /**
     * One table of a report (the others empty), over its one vendor or every vendor: a single aggregate as the
     * bare SQL would run it, so PostgreSQL reads the period's orders and lines once per table, not once per vendor.
     */
    public SalesFigures section(SalesReportRequest request, Section section) {
        String title = titleOf(request);
        return switch (section) {
            case DAYS -> new SalesFigures(request, title, days(request), List.of(), List.of());
            case PRODUCTS -> new SalesFigures(request, title, List.of(), products(request), List.of());
            case STATUSES -> new SalesFigures(request, title, List.of(), List.of(), statuses(request));
        };
    }

    public String titleOf(SalesReportRequest request) {
        return request.vendorId() == null ? "All vendors" : vendorName(request.vendorId());
    }

    public boolean vendorExists(long vendorId) {
        return !em.createNativeQuery("SELECT 1 FROM vendors WHERE id = ?1").setParameter(1, vendorId).getResultList().isEmpty();
    }

    private String vendorName(long vendorId) {
        List<?> names = em.createNativeQuery("SELECT name FROM vendors WHERE id = ?1").setParameter(1, vendorId).getResultList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No vendor " + vendorId);
        }
        return (String) names.get(0);
    }

    private List<SalesFigures.DayTotal> days(SalesReportRequest request) {
        List<Object[]> rows = rows(request, "SELECT (o.created_at AT TIME ZONE 'UTC')::date, o.currency, count(*),"
                + " sum(o.total_amount), sum(" + VAT.formatted("o.total_amount") + ")"
                + " FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE " + SOLD + " AND %s"
                + " GROUP BY 1, 2 ORDER BY 1, 2");
        return rows.stream().map(r -> new SalesFigures.DayTotal(day(r[0]), (String) r[1], count(r[2]),
                (BigDecimal) r[3], ((BigDecimal) r[3]).subtract((BigDecimal) r[4]), (BigDecimal) r[4])).toList();
    }

    private List<SalesFigures.ProductTotal> products(SalesReportRequest request) {
        List<Object[]> rows = rows(request, "SELECT v.code, l.sku, max(l.title), o.currency, sum(l.quantity),"
                + " sum(l.quantity * l.unit_price), sum(" + VAT.formatted("l.quantity * l.unit_price") + ")"
                + " FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN vendors v ON v.id = o.vendor_id"
                + " WHERE " + SOLD + " AND %s GROUP BY v.code, l.sku, o.currency ORDER BY 6 DESC, 1, 2");
        return rows.stream().map(r -> new SalesFigures.ProductTotal((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], count(r[4]), (BigDecimal) r[5], ((BigDecimal) r[5]).subtract((BigDecimal) r[6]),
                (BigDecimal) r[6])).toList();
    }

    private List<SalesFigures.StatusTotal> statuses(SalesReportRequest request) {
        List<Object[]> rows = rows(request, "SELECT o.status, o.currency, count(*), sum(o.total_amount)"
                + " FROM orders o WHERE %s GROUP BY 1, 2 ORDER BY 1, 2");
        return rows.stream().map(r -> new SalesFigures.StatusTotal((String) r[0], (String) r[1], count(r[2]),
                (BigDecimal) r[3])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(SalesReportRequest request, String sql) {
        planForThisPeriod();
        String period = "o.created_at >= ?1 AND o.created_at < ?2" + (request.vendorId() == null ? "" : " AND o.vendor_id = ?3");
        Query query = em.createNativeQuery(sql.formatted(period))
                .setParameter(1, startOf(request.from()))
                .setParameter(2, startOf(request.to().plusDays(1)));
        if (request.vendorId() != null) {
            query.setParameter(3, request.vendorId());
        }
        return query.getResultList();
    }

    /**
     * Has PostgreSQL plan the next aggregates for this request's own period, for the rest of this transaction. A
     * pooled connection that has run the same statement a few times (PgJDBC prepares it on the server from its 5th
     * run) gets a generic plan after five more, one that assumes any period holds 0.5 % of the orders: it reads them
     * through the created_at index into nested loops and sorts spilling to disk, no parallel sequential scan, and
     * took twice as long for a year of orders (docs/performance.md, "Reports").
     */
    private void planForThisPeriod() {
        em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }

    private static java.time.OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
