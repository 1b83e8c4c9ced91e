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
        this.vendorId = vendorId;
        this.plan = plan;
        this.period = period;
        this.priceAmount = price;
        this.priceCurrency = currency;
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
