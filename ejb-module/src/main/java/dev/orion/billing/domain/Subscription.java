package dev.orion.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A vendor's paid plan over a billing period; renewal and lapse move it along. */
@Entity
@Table(name = "subscriptions")
public class Subscription {

    public enum Plan { STARTER, GROWTH, ENTERPRISE }

    public enum Period { MONTHLY, YEARLY }

    public enum Status { ACTIVE, PAST_DUE, LAPSED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private Long vendorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period", nullable = false)
    private Period period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.ACTIVE;

    @Column(name = "price_amount", nullable = false)
    private BigDecimal priceAmount;

    @Column(name = "price_currency", nullable = false)
    private String priceCurrency;

    @Column(name = "current_period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "current_period_end", nullable = false)
    private LocalDate periodEnd;

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(Long vendorId, Plan plan, Period period, BigDecimal price, String currency, LocalDate start) {
        if (period == null || start == null) {
            throw new IllegalArgumentException("A subscription needs a billing period and a start date");
        }
        this.vendorId = vendorId;
        this.period = period;
        changePlan(plan, price, currency);
        this.periodStart = start;
        this.periodEnd = period == Period.MONTHLY ? start.plusMonths(1) : start.plusYears(1);
    }

    /** Starts the next period right where the current one ends. */
    public void renew() {
        if (status == Status.CANCELLED || status == Status.LAPSED) {
            throw new IllegalStateException("A " + status + " subscription cannot be renewed");
        }
        periodStart = periodEnd;
        periodEnd = period == Period.MONTHLY ? periodStart.plusMonths(1) : periodStart.plusYears(1);
        status = Status.ACTIVE;
    }

    /** A new plan or price, billed from the next renewal on; a cancelled subscription stays as it ended. */
    public final void changePlan(Plan newPlan, BigDecimal price, String currency) {
        if (status == Status.CANCELLED) {
            throw new IllegalStateException("A cancelled subscription cannot change plan");
        }
        if (newPlan == null) {
            throw new IllegalArgumentException("A subscription needs a plan");
        }
        if (price == null || price.signum() < 0 || price.scale() > 2) {
            throw new IllegalArgumentException("The price is an amount of at least 0, with at most two decimals");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("The currency is a three-letter ISO code such as EUR");
        }
        this.plan = newPlan;
        this.priceAmount = price;
        this.priceCurrency = currency;
    }

    /** Ends it for good: it is no longer renewed or invoiced. */
    public void cancel() {
        status = Status.CANCELLED;
    }

    public void lapse() {
        status = Status.LAPSED;
    }

    /** Its period ended without a renewal (the vendor cannot be billed); it lapses after the grace period. */
    public void pastDue() {
        status = Status.PAST_DUE;
    }

    public BigDecimal getPrice() { return priceAmount; }
    public String getCurrency() { return priceCurrency; }

    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public Plan getPlan() { return plan; }
    public Period getPeriod() { return period; }
    public Status getStatus() { return status; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
}
