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

    /** The numbering series: a vendor's invoices to its customers, or the platform's to vendors. */
    @Column(nullable = false, updatable = false)
    private String series;

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

    /** Where the invoice's PDF is kept. */
    @Column(name = "storage_key", updatable = false)
    private String storageKey;

    protected Invoice() {
    }

    private Invoice(Long vendorId, String series, String prefix, LocalDate issuedOn, int sequence,
                    BigDecimal net, BigDecimal vat, String currency) {
        this.vendorId = vendorId;
        this.series = series;
        this.issuedOn = issuedOn;
        this.year = issuedOn.getYear();
        this.sequence = sequence;
        this.number = "%s-%d-%06d".formatted(prefix.toUpperCase(java.util.Locale.ROOT), year, sequence);
        this.net = net;
        this.vat = vat;
        this.total = net.add(vat);
        this.currency = currency;
    }

    /** The invoice of an order; its PDF is kept under a key made of its (unique) number. */
    public static Invoice forOrder(long vendorId, String series, String vendorCode, long orderId, LocalDate issuedOn, int sequence,
                                   BigDecimal net, BigDecimal vat, String currency) {
        var invoice = new Invoice(vendorId, series, vendorCode, issuedOn, sequence, net, vat, currency);
        invoice.orderId = orderId;
        invoice.storageKey = "invoices/" + vendorId + "/" + invoice.number + ".pdf";
        return invoice;
    }

    /** The invoice of a subscription's period, billed to the vendor by the platform, numbered ORION-year-sequence. */
    public static Invoice forSubscription(long vendorId, String series, long subscriptionId, LocalDate issuedOn, int sequence,
                                          BigDecimal net, BigDecimal vat, String currency) {
        var invoice = new Invoice(vendorId, series, "ORION", issuedOn, sequence, net, vat, currency);
        invoice.subscriptionId = subscriptionId;
        invoice.storageKey = "invoices/" + vendorId + "/" + invoice.number + ".pdf";
        return invoice;
    }

    public Long getSubscriptionId() { return subscriptionId; }
    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public Long getOrderId() { return orderId; }
    public BigDecimal getNet() { return net; }
    public BigDecimal getVat() { return vat; }
    public String getStorageKey() { return storageKey; }
    public String getNumber() { return number; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public BigDecimal getTotal() { return total; }
    public String getCurrency() { return currency; }
}
