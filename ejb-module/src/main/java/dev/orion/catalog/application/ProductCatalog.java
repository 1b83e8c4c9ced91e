package dev.orion.catalog.application;

import dev.orion.catalog.domain.Product;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of each vendor: listing, look-up and upserts by (vendor, SKU). */
@Stateless
public class ProductCatalog {

    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /** Keyset pagination by id: stable under concurrent inserts, no duplicates, no gaps. */
    public ProductPage list(long vendorId, Long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<Product> rows = em.createQuery(
                        "SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.id > :after ORDER BY p.id", Product.class)
                .setParameter("vendor", vendorId)
                .setParameter("after", afterId == null ? 0L : afterId)
                .setMaxResults(size + 1)
                .getResultList();
        boolean more = rows.size() > size;
        List<ProductView> page = rows.stream().limit(size).map(ProductView::of).toList();
        return new ProductPage(page, more, more ? page.get(page.size() - 1).id() : null);
    }

    /** A page by offset, for the console's paged table (sorted by SKU). */
    public List<ProductView> slice(long vendorId, int offset, int limit) {
        return em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor ORDER BY p.sku", Product.class)
                .setParameter("vendor", vendorId)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultStream().map(ProductView::of).toList();
    }

    public Optional<ProductView> find(long vendorId, String sku) {
        return findEntity(vendorId, sku).map(ProductView::of);
    }

    public long count(long vendorId) {
        return em.createQuery("SELECT count(p) FROM Product p WHERE p.vendorId = :vendor", Long.class)
                .setParameter("vendor", vendorId).getSingleResult();
    }

    private Optional<Product> findEntity(long vendorId, String sku) {
        return em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.sku = :sku", Product.class)
                .setParameter("vendor", vendorId)
                .setParameter("sku", sku)
                .getResultStream().findFirst();
    }

    /**
     * Creates or updates each product by SKU, keeping {@code created_at}; returns how many rows were written.
     * Rows that carry the same data as the database are left untouched.
     */
    public int upsertAll(long vendorId, List<ProductUpsert> items) {
        Map<String, Product> existing = new HashMap<>();
        if (!items.isEmpty()) {
            em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.sku IN :skus", Product.class)
                    .setParameter("vendor", vendorId)
                    .setParameter("skus", items.stream().map(ProductUpsert::sku).distinct().toList())
                    .getResultStream().forEach(p -> existing.put(p.getSku(), p));
        }
        int written = 0;
        for (ProductUpsert item : items) {
            Product product = existing.get(item.sku());
            if (product == null) {
                product = new Product(vendorId, item.sku(), item.title(), item.price());
                apply(product, item);
                em.persist(product);
                existing.put(item.sku(), product);
                written++;
            } else if (differs(product, item)) {
                product.retitle(item.title());
                product.reprice(item.price());
                apply(product, item);
                written++;
            }
        }
        return written;
    }

    private static void apply(Product product, ProductUpsert item) {
        product.describe(item.description(), item.brand(), item.gtin());
        if (item.availability() != null) {
            product.markAvailability(item.availability());
        }
        if (item.imageLinks() != null) {
            product.replaceImages(item.imageLinks());
        }
        if (item.stock() != null) {
            product.adjustStock(item.stock() - product.getStock());
        }
    }

    private static boolean differs(Product p, ProductUpsert item) {
        return !p.getTitle().equals(item.title())
                || !p.getPrice().equals(item.price())
                || !java.util.Objects.equals(p.getDescription(), item.description())
                || !java.util.Objects.equals(p.getBrand(), item.brand())
                || !java.util.Objects.equals(p.getGtin(), item.gtin())
                || (item.availability() != null && p.getAvailability() != item.availability())
                || (item.imageLinks() != null && !p.getImageLinks().equals(item.imageLinks()))
                || (item.stock() != null && p.getStock() != item.stock());
    }
}
