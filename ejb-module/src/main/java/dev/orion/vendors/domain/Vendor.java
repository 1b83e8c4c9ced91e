package dev.orion.vendors.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/** A store selling through Orion; every product, customer and order belongs to exactly one vendor. */
@Entity
@Table(name = "vendors")
public class Vendor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 10)
    private String locale = "en";

    @Column(name = "feed_url", length = 2000)
    private String feedUrl;

    @Column(nullable = false)
    private boolean active = true;

    /** The marketplace orders feed (JSON Lines) the scheduled order import reads, if the vendor has one. */
    @Column(name = "orders_feed_url", length = 2000)
    private String ordersFeedUrl;

    /** Percent, included in the vendor's prices; invoices take it from here. */
    @Column(name = "vat_rate", nullable = false, precision = 5, scale = 2)
    private BigDecimal vatRate = new BigDecimal("20.00");

    /** Stock at or below it is low for this vendor (stock.low, the dashboard, the low-stock filter). */
    @Column(name = "low_stock_threshold", nullable = false)
    private int lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    private long version;

    protected Vendor() {
    }

    public Vendor(String code, String name) {
        this.code = requireCode(code);
        rename(name);
    }

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The platform-wide threshold from before it was a vendor setting, and a new vendor's. */
    public static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;
    public static final int MAX_LOW_STOCK_THRESHOLD = 1_000_000;

    private static String requireCode(String code) {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("Vendor code must be 2-63 lowercase letters, digits or dashes");
        }
        return code;
    }

    public final void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("Vendor name is required");
        }
        this.name = newName.strip();
    }

    public void deactivate() {
        this.active = false;
    }

    /** Its console users and API clients may come back in (they were refused while it was inactive). */
    public void activate() {
        this.active = true;
    }

    public void changeLocale(String newLocale) {
        if (newLocale == null || !LOCALE.matcher(newLocale).matches()) {
            throw new IllegalArgumentException("A locale looks like en or fr-CH");
        }
        this.locale = newLocale;
    }

    /** The rate is a percentage in [0, 100), as the database's check says; at most two decimals. */
    public void changeVatRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(HUNDRED) >= 0 || rate.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("The VAT rate is a percentage from 0 to 99.99");
        }
        this.vatRate = rate.setScale(2);
    }

    /** Only http(s): the scheduled import fetches this URL from the server, so no file: or other schemes. */
    public void changeOrdersFeedUrl(String url) {
        if (url == null || url.isBlank()) {
            this.ordersFeedUrl = null;
            return;
        }
        String trimmed = url.strip();
        try {
            var uri = new java.net.URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || trimmed.length() > 2000) {
                throw new IllegalArgumentException("The orders feed URL must be an http(s) address");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("The orders feed URL must be an http(s) address");
        }
        this.ordersFeedUrl = trimmed;
    }

    /** From 0 (only an empty shelf is low) to a million, as the database's check says. */
    public void changeLowStockThreshold(int threshold) {
        if (threshold < 0 || threshold > MAX_LOW_STOCK_THRESHOLD) {
            throw new IllegalArgumentException("The low-stock threshold is a number of units from 0 to " + MAX_LOW_STOCK_THRESHOLD);
        }
        this.lowStockThreshold = threshold;
    }

    public void changeFeedUrl(String url) {
        this.feedUrl = url;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getLocale() { return locale; }
    public String getFeedUrl() { return feedUrl; }
    public boolean isActive() { return active; }
    public String getOrdersFeedUrl() { return ordersFeedUrl; }
    public BigDecimal getVatRate() { return vatRate; }
    public int getLowStockThreshold() { return lowStockThreshold; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
