package dev.orion.catalog.application;

import dev.orion.catalog.domain.Availability;
import dev.orion.catalog.domain.Gtin;
import dev.orion.platform.domain.Money;
import dev.orion.catalog.domain.Product;
import dev.orion.catalog.domain.StockMovement;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Changes people make to products in the console: price and stock from the table, the detail form, and bulk
 * availability on selected rows (bulk stock goes through {@link ProductCatalog#adjustStock}, as the API's does). Each write checks the version the user saw (optimistic), keeps stock at zero or more,
 * records stock movements like the API does, and is audited in the same transaction.
 */
@Stateless
public class ProductEdits {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /** The table's inline edit. */
    public ProductView changePriceAndStock(long vendorId, long productId, long seenVersion, BigDecimal price, int stock, Actor who) {
        Product product = lockedFor(vendorId, productId, seenVersion);
        product.reprice(new Money(requireNonNegative(price), product.getPrice().currency()));
        setStock(product, stock, "console edit", who);
        em.flush();
        audit.record(who, vendorId, "product.edit", "product", product.getSku(), "price " + price.toPlainString() + ", stock " + stock);
        return ProductView.of(product);
    }

    /** The detail form. */
    public ProductView changeDetails(long vendorId, long productId, long seenVersion, ProductDetails details, Actor who) {
        String gtin = details.gtin() == null || details.gtin().isBlank() ? null : details.gtin().strip();
        if (gtin != null && Gtin.problem(gtin) != null) {
            throw new InvalidRequestException(Gtin.problem(gtin));
        }
        Product product = lockedFor(vendorId, productId, seenVersion);
        product.retitle(details.title());
        product.reprice(new Money(requireNonNegative(details.price()), details.currency()));
        product.describe(blankToNull(details.description()), blankToNull(details.brand()), gtin);
        product.markAvailability(details.availability());
        setStock(product, details.stock(), "console edit", who);
        em.flush();
        audit.record(who, vendorId, "product.edit", "product", product.getSku(), "details");
        return ProductView.of(product);
    }

    /** Bulk: one UPDATE for the selected products of the vendor; returns how many changed. */
    public int markAvailability(long vendorId, Collection<Long> productIds, Availability availability, Actor who) {
        if (productIds.isEmpty()) {
            return 0;
        }
        int changed = em.createNativeQuery("UPDATE orion.products SET availability = :availability, updated_at = now(),"
                        + " version = version + 1 WHERE vendor_id = :vendor AND id IN (:ids) AND availability <> :availability")
                .setParameter("availability", availability.wireName())
                .setParameter("vendor", vendorId)
                .setParameter("ids", productIds)
                .executeUpdate();
        audit.record(who, vendorId, "product.bulk-availability", "product", null,
                availability.wireName() + " for " + changed + " of " + productIds.size() + " selected");
        return changed;
    }

    private Product lockedFor(long vendorId, long productId, long seenVersion) {
        Product product = em.createQuery("SELECT p FROM Product p WHERE p.id = :id AND p.vendorId = :vendor", Product.class)
                .setParameter("id", productId).setParameter("vendor", vendorId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new InvalidRequestException("No such product for this vendor"));
        if (product.getVersion() != seenVersion) {
            throw new StaleVersionException("Product " + product.getSku(), product.getVersion());
        }
        return product;
    }

    private void setStock(Product product, int stock, String reason, Actor who) {
        if (stock < 0) {
            throw new InvalidRequestException("Stock cannot be negative");
        }
        int delta = stock - product.getStock();
        if (delta != 0) {
            product.adjustStock(delta);
            em.persist(new StockMovement(product, delta, reason, who.name()));
        }
    }

    private static BigDecimal requireNonNegative(BigDecimal price) {
        if (price == null || price.signum() < 0) {
            throw new InvalidRequestException("Price cannot be negative");
        }
        return price;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
