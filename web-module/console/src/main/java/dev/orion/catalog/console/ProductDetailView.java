package dev.orion.catalog.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.catalog.application.ProductDetails;
import dev.orion.catalog.application.ProductEdits;
import dev.orion.catalog.application.ProductListing;
import dev.orion.catalog.application.ProductView;
import dev.orion.catalog.application.StaleVersionException;
import dev.orion.catalog.domain.Availability;
import dev.orion.platform.console.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** The product detail form (/catalog/product.xhtml?id=): every editable field, saved with a version check. */
@Named
@ViewScoped
public class ProductDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProductListing listing;

    @Inject
    ProductEdits edits;

    @Inject
    ConsoleCaller user;

    private Long id;
    private ProductView product;
    private String title;
    private String description;
    private String brand;
    private String gtin;
    private BigDecimal price;
    private String currency;
    private Integer stock;
    private String availability;

    /**
     * Loads the product named by ?id= once per view (the layout has no metadata slot for f:viewParam); a VENDOR
     * user only finds products of their own vendor.
     */
    @PostConstruct
    void load() {
        id = parseId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        product = id == null ? null : listing.find(user.isPlatform() ? null : user.getVendorId(), id).orElse(null);
        if (product != null) {
            title = product.title();
            description = product.description();
            brand = product.brand();
            gtin = product.gtin();
            price = product.price();
            currency = product.currency();
            stock = product.stock();
            availability = product.availability();
        }
    }

    private static Long parseId(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void save() {
        var details = new ProductDetails(title, description, brand, gtin, price, currency, stock,
                Availability.fromWire(availability));
        try {
            product = edits.changeDetails(product.vendorId(), product.id(), product.version(), details, ConsoleActor.of(user));
            ProductsMessages.info("products.saved", product.sku());
        } catch (RuntimeException e) {
            RuntimeException cause = WriteFailures.unwrap(e);
            if (cause instanceof StaleVersionException) {
                ProductsMessages.error("products.stale", product.sku());
            } else if (cause instanceof IllegalArgumentException) {
                ProductsMessages.error("products.refused", product.sku(), cause.getMessage());
            } else {
                throw e;
            }
        }
    }

    public List<String> getAvailabilities() {
        return Arrays.stream(Availability.values()).map(Availability::wireName).toList();
    }

    public ProductView getProduct() { return product; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getBrand() { return brand; }
    public void setBrand(String brand) { this.brand = brand; }
    public String getGtin() { return gtin; }
    public void setGtin(String gtin) { this.gtin = gtin; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Integer getStock() { return stock; }
    public void setStock(Integer stock) { this.stock = stock; }
    public String getAvailability() { return availability; }
    public void setAvailability(String availability) { this.availability = availability; }
}
