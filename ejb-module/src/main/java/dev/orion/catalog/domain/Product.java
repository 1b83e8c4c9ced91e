package dev.orion.catalog.domain;

import dev.orion.platform.domain.Money;
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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One sellable item of a vendor, identified by its SKU within that vendor. */
@Entity
@Table(name = "products")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private Long vendorId;

    @Column(nullable = false, updatable = false, length = 100)
    private String sku;

    @Column(length = 14)
    private String gtin;

    @Column(nullable = false, length = 500)
    private String title;

    private String description;

    @Column(length = 200)
    private String brand;

    @Column(name = "price_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal priceAmount;

    @Column(name = "price_currency", nullable = false, length = 3)
    private String priceCurrency;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false, length = 20)
    private Availability availability = Availability.IN_STOCK;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "image_links", nullable = false)
    private List<String> imageLinks = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    private long version;

    protected Product() {
    }

    public Product(Long vendorId, String sku, String title, Money price) {
        if (vendorId == null) {
            throw new IllegalArgumentException("A product belongs to a vendor");
        }
        if (sku == null || sku.isBlank() || sku.length() > 100) {
            throw new IllegalArgumentException("SKU is required (at most 100 characters)");
        }
        this.vendorId = vendorId;
        this.sku = sku.strip();
        retitle(title);
        reprice(price);
    }

    public final void retitle(String newTitle) {
        if (newTitle == null || newTitle.isBlank() || newTitle.length() > 500) {
            throw new IllegalArgumentException("Title is required (at most 500 characters)");
        }
        this.title = newTitle.strip();
    }

    public final void reprice(Money price) {
        this.priceAmount = price.amount();
        this.priceCurrency = price.currency();
    }

    /** Stock never goes below zero: a change that would is refused whole. */
    public void adjustStock(int delta) {
        long next = (long) stock + delta;
        if (next < 0) {
            throw new InsufficientStockException(sku, stock, delta);
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Stock would overflow for SKU " + sku);
        }
        stock = (int) next;
    }

    /**
     * Takes stock that was already sold elsewhere (a marketplace order): as much as there is, never below zero.
     *
     * @return how many units were missing
     */
    public int takeSold(int quantity) {
        int taken = Math.min(stock, quantity);
        stock -= taken;
        return quantity - taken;
    }

    public void describe(String newDescription, String newBrand, String newGtin) {
        this.description = newDescription;
        this.brand = newBrand;
        this.gtin = newGtin;
    }

    public void markAvailability(Availability value) {
        this.availability = value;
    }

    public void replaceImages(List<String> links) {
        this.imageLinks = new ArrayList<>(links);
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public String getSku() { return sku; }
    public String getGtin() { return gtin; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public String getBrand() { return brand; }
    public Money getPrice() { return new Money(priceAmount, priceCurrency); }
    public int getStock() { return stock; }
    public Availability getAvailability() { return availability; }
    public List<String> getImageLinks() { return List.copyOf(imageLinks); }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
