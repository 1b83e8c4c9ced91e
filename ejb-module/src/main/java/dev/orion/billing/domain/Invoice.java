package dev.orion.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An issued invoice; its number is gapless per vendor and year (vendor, year, sequence is unique). */
@Entity
@Table(name = "invoices")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private Long vendorId;

    @Column(name = "subscription_id", updatable = false)
    private Long subscriptionId;

    @Column(name = "order_id", updatable = false)
    private Long orderId;

    @Column(name = "invoice_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "invoice_seq", nullable = false, updatable = false)
    private int sequence;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "net_amount", nullable = false, updatable = false)
    private BigDecimal net;

    @Column(name = "vat_amount", nullable = false, updatable = false)
    private BigDecimal vat;

    @Column(name = "total_amount", nullable = false, updatable = false)
    private BigDecimal total;

    @Column(nullable = false, updatable = false)
    private String currency;

    protected Invoice() {
    }

    public Invoice(Long vendorId, String vendorCode, LocalDate issuedOn, int sequence,
                   BigDecimal net, BigDecimal vat, String currency) {
        this.vendorId = vendorId;
        this.issuedOn = issuedOn;
        this.year = issuedOn.getYear();
        this.sequence = sequence;
        this.number = "%s-%d-%06d".formatted(vendorCode.toUpperCase(java.util.Locale.ROOT), year, sequence);
        this.net = net;
        this.vat = vat;
        this.total = net.add(vat);
        this.currency = currency;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public BigDecimal getTotal() { return total; }
    public String getCurrency() { return currency; }
}
