package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductView;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One row of the products table; price and stock are writable for the inline editor, the rest is as read. */
public class ProductRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private long version;
    private final String sku;
    private final String title;
    private final String brand;
    private final String currency;
    private final String availability;
    private final OffsetDateTime updatedAt;
    private BigDecimal price;
    private Integer stock;

    ProductRow(ProductView p) {
        id = p.id();
        version = p.version();
        sku = p.sku();
        title = p.title();
        brand = p.brand();
        currency = p.currency();
        availability = p.availability();
        updatedAt = p.updatedAt();
        price = p.price();
        stock = p.stock();
    }

    /** After a save: the row shows and carries what was stored. */
    void saved(ProductView p) {
        version = p.version();
        price = p.price();
        stock = p.stock();
    }

    public long getId() { return id; }
    /** The version the user saw: the row editor posts it back, so a change made meanwhile is detected. */
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getSku() { return sku; }
    public String getTitle() { return title; }
    public String getBrand() { return brand; }
    public String getCurrency() { return currency; }
    public String getAvailability() { return availability; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public Integer getStock() { return stock; }
    public void setStock(Integer stock) { this.stock = stock; }
}
