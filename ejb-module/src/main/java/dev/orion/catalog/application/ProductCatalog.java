package dev.orion.catalog.application;

import dev.orion.catalog.domain.Product;
import dev.orion.catalog.infrastructure.ProductBulkUpsert;
import dev.orion.catalog.domain.StockMovement;
import dev.orion.events.application.EventTypes;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of each vendor: look-up, writes and stock by (vendor, SKU). Listings are {@link ProductListing}'s.
 * A change someone asks for (API or console) is audited here, in its transaction, for the {@link Actor} passed in.
 */
@Stateless
public class ProductCatalog {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    CatalogEvents events;

    /**
     * Creates the product or replaces all its fields. With {@code expectedVersion} (from If-Match) the write
     * only happens if the stored product is still at that version.
     */
    public ProductWrite replace(long vendorId, ProductUpsert data, Long expectedVersion, Actor who) {
        ProductWrite write = write(vendorId, data, expectedVersion);
        audit.record(who, vendorId, write.created() ? "product.create" : "product.replace", "product", data.sku(), null);
        events.products(vendorId, write.created() ? EventTypes.PRODUCT_CREATED : EventTypes.PRODUCT_UPDATED,
                List.of(data.sku()), who.type());
        return write;
    }

    /**
     * A merge patch: {@code data} is the product with the patch applied, written at {@code expectedVersion};
     * {@code fields} are the members the patch named (what the audit record lists).
     */
    public ProductWrite patch(long vendorId, ProductUpsert data, long expectedVersion, Collection<String> fields, Actor who) {
        ProductWrite write = write(vendorId, data, expectedVersion);
        audit.record(who, vendorId, "product.patch", "product", data.sku(), fields.toString());
        events.products(vendorId, EventTypes.PRODUCT_UPDATED, List.of(data.sku()), who.type());
        return write;
    }

    private ProductWrite write(long vendorId, ProductUpsert data, Long expectedVersion) {
        Optional<Product> existing = findEntity(vendorId, data.sku(), LockModeType.PESSIMISTIC_WRITE);
        if (existing.isEmpty()) {
            if (expectedVersion != null) {
                throw new StaleVersionException("Product " + data.sku(), -1);
            }
            var product = new Product(vendorId, data.sku(), data.title(), data.price());
            apply(product, data);
            em.persist(product);
            em.flush();
            return new ProductWrite(ProductView.of(product), true);
        }
        Product product = existing.get();
        requireVersion(product, expectedVersion);
        int before = product.getStock();
        product.retitle(data.title());
        product.reprice(data.price());
        apply(product, data);
        em.flush();
        events.stockMoved(product, before);
        return new ProductWrite(ProductView.of(product), false);
    }

    /** @return false when there was no such product */
    public boolean delete(long vendorId, String sku, Long expectedVersion, Actor who) {
        Optional<Product> existing = findEntity(vendorId, sku, LockModeType.PESSIMISTIC_WRITE);
        existing.ifPresent(product -> {
            requireVersion(product, expectedVersion);
            em.remove(product);
            audit.record(who, vendorId, "product.delete", "product", sku, null);
            events.products(vendorId, EventTypes.PRODUCT_DELETED, List.of(sku), who.type());
        });
        return existing.isPresent();
    }

    /**
     * The stock adjustment, for the API's batches and the console's bulk action alike: applies the lines all or
     * nothing (stock never goes below zero: if any line would, none is applied), records a movement per line and
     * one audit record for the batch.
     */
    public List<ProductView> adjustStock(long vendorId, List<StockAdjustment> adjustments, Actor who) {
        List<ProductView> changed = take(vendorId, adjustments, who.name());
        audit.record(who, vendorId, "stock.adjust", "product", null, adjustments.size() + " line(s)");
        return changed;
    }

    /**
     * Takes the stock an order being placed holds (negative lines), by the same rule as {@link #adjustStock}; the
     * order's own records say who placed it, so no stock audit record of its own.
     */
    public List<ProductView> reserveForOrder(long vendorId, List<StockAdjustment> lines, String actor) {
        return take(vendorId, lines, actor);
    }

    /** Rows are locked in SKU order, so concurrent batches cannot deadlock. */
    private List<ProductView> take(long vendorId, List<StockAdjustment> adjustments, String actor) {
        List<String> skus = adjustments.stream().map(StockAdjustment::sku).distinct().sorted().toList();
        Map<String, Product> products = new HashMap<>();
        em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.sku IN :skus ORDER BY p.sku", Product.class)
                .setParameter("vendor", vendorId)
                .setParameter("skus", skus)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().forEach(p -> products.put(p.getSku(), p));
        List<String> unknown = skus.stream().filter(sku -> !products.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSkusException(unknown);
        }
        Map<String, Long> after = new HashMap<>();
        for (StockAdjustment line : adjustments) {
            after.merge(line.sku(), (long) line.delta(), Long::sum);
        }
        List<String> negative = skus.stream()
                .filter(sku -> products.get(sku).getStock() + after.get(sku) < 0).toList();
        if (!negative.isEmpty()) {
            throw new StockConflictException(negative);
        }
        Map<String, Integer> before = new HashMap<>();
        products.forEach((sku, product) -> before.put(sku, product.getStock()));
        for (StockAdjustment line : adjustments) {
            Product product = products.get(line.sku());
            product.adjustStock(line.delta());
            em.persist(new StockMovement(product, line.delta(), line.reason(), actor));
        }
        em.flush();
        skus.forEach(sku -> events.stockMoved(products.get(sku), before.get(sku))); // the batch's net change, per SKU
        return skus.stream().map(products::get).map(ProductView::of).toList();
    }

    /** Units taken by the movements recorded with {@code reason}, by product id (products of {@code vendorId}). */
    public Map<Long, Integer> taken(long vendorId, String reason) {
        Map<Long, Integer> taken = new java.util.TreeMap<>();
        em.createQuery("SELECT m.productId, SUM(m.delta) FROM StockMovement m WHERE m.reason = :reason"
                        + " AND m.productId IN (SELECT p.id FROM Product p WHERE p.vendorId = :vendor) GROUP BY m.productId", Object[].class)
                .setParameter("reason", reason).setParameter("vendor", vendorId)
                .getResultStream().forEach(row -> {
                    long units = -((Number) row[1]).longValue();
                    if (units > 0) {
                        taken.put((Long) row[0], (int) units);
                    }
                });
        return taken;
    }

    /**
     * Gives back stock an order held (it was cancelled), recorded as one movement per product with
     * {@code reason}. Products deleted since are skipped: their stock went with them. Rows are locked in SKU
     * order, as in adjustStock, so a return and a batch of adjustments cannot deadlock.
     */
    public void returnStock(long vendorId, Map<Long, Integer> quantities, String reason, String actor) {
        if (quantities.isEmpty()) {
            return;
        }
        em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.id IN :ids ORDER BY p.sku", Product.class)
                .setParameter("vendor", vendorId)
                .setParameter("ids", quantities.keySet())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().forEach(product -> {
                    int quantity = quantities.get(product.getId());
                    product.adjustStock(quantity);
                    em.persist(new StockMovement(product, quantity, reason, actor));
                });
        em.flush();
    }

    /**
     * Takes the stock of units a marketplace already sold. Unlike {@link #adjustStock} nothing is refused: the
     * sale happened. Stock stops at zero and the shortfall is returned; SKUs not in the catalogue are left out.
     * Rows are locked in SKU order, as in adjustStock.
     */
    public SoldStock takeSold(long vendorId, Map<String, Integer> quantities, String reason, String actor) {
        Map<String, ProductView> products = new HashMap<>();
        Map<String, Integer> shortBy = new HashMap<>();
        em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.sku IN :skus ORDER BY p.sku", Product.class)
                .setParameter("vendor", vendorId)
                .setParameter("skus", quantities.keySet().stream().sorted().toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().forEach(product -> {
                    int before = product.getStock();
                    int missing = product.takeSold(quantities.get(product.getSku()));
                    if (missing > 0) {
                        shortBy.put(product.getSku(), missing);
                    }
                    if (product.getStock() != before) {
                        em.persist(new StockMovement(product, product.getStock() - before, reason, actor));
                        events.stockMoved(product, before);
                    }
                    products.put(product.getSku(), ProductView.of(product));
                });
        return new SoldStock(products, shortBy);
    }

    private static void requireVersion(Product product, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != product.getVersion()) {
            throw new StaleVersionException("Product " + product.getSku(), product.getVersion());
        }
    }

    public Optional<ProductView> find(long vendorId, String sku) {
        return findEntity(vendorId, sku, LockModeType.NONE).map(ProductView::of);
    }

    private Optional<Product> findEntity(long vendorId, String sku, LockModeType lock) {
        return em.createQuery("SELECT p FROM Product p WHERE p.vendorId = :vendor AND p.sku = :sku", Product.class)
                .setParameter("vendor", vendorId)
                .setParameter("sku", sku)
                .setLockMode(lock)
                .getResultStream().findFirst();
    }

    /**
     * Creates or updates each product by SKU, keeping {@code created_at}; returns how many rows were written.
     * Rows that carry the same data as the database are left untouched. The chunk becomes at most one
     * {@code product.created} and one {@code product.updated} event, each naming its SKUs. With
     * {@code seenByJobInstance} (a full import) the SKUs are also remembered as seen by that job instance, and with
     * {@code revertOf} the values the written rows had before are recorded for a revert of that job instance
     * ({@link ImportReverts}), all in the same transaction.
     */
    public int upsertAll(long vendorId, List<ProductUpsert> items, Long seenByJobInstance, Long revertOf) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        int changed = ProductBulkUpsert.upsert(em, vendorId, items, seenByJobInstance, revertOf, created, updated);
        events.products(vendorId, EventTypes.PRODUCT_CREATED, created, "import");
        events.products(vendorId, EventTypes.PRODUCT_UPDATED, updated, "import");
        return changed;
    }

    /**
     * After a full import: the vendor's products the feed did not name become out of stock (never deleted);
     * returns how many changed. Their values before are recorded for a revert of the import, by the same statement
     * (as each chunk does its own), and they are {@code product.updated} like a chunk's changes: one event per
     * {@link #ABSENT_PER_EVENT} SKUs, so a receiver gets events of a chunk's size. The import's record of seen
     * SKUs is dropped.
     */
    public int markAbsentUnavailable(long vendorId, long jobInstanceId) {
        List<?> marked = em.createNativeQuery("""
                        WITH revert_header AS (
                            INSERT INTO import_revert_data (job_instance_id, vendor_id) VALUES (?2, ?1) ON CONFLICT DO NOTHING
                        ),
                        written AS (
                            UPDATE products p SET availability = 'out_of_stock', updated_at = now(), version = p.version + 1
                            WHERE p.vendor_id = ?1 AND p.availability <> 'out_of_stock'
                              AND NOT EXISTS (SELECT 1 FROM import_seen_skus s WHERE s.job_instance_id = ?2 AND s.sku = p.sku)
                            RETURNING p.id, p.sku, p.version
                        )
                        INSERT INTO import_revert_rows (job_instance_id, sku, created, gtin, title, description, brand,
                            price_amount, price_currency, stock, availability, image_links, version_after, first_xact, last_xact)
                        SELECT ?2, w.sku, false, o.gtin, o.title, o.description, o.brand, o.price_amount, o.price_currency,
                               o.stock, o.availability, o.image_links, w.version, %1$s, %1$s
                        FROM written w JOIN products o ON o.id = w.id
                        ON CONFLICT (job_instance_id, sku) DO UPDATE SET version_after = EXCLUDED.version_after,
                            last_xact = EXCLUDED.last_xact
                        RETURNING sku""".formatted(ProductBulkUpsert.XACT))
                .setParameter(1, vendorId).setParameter(2, jobInstanceId).getResultList();
        em.createNativeQuery("DELETE FROM import_seen_skus WHERE job_instance_id = ?1").setParameter(1, jobInstanceId).executeUpdate();
        List<String> skus = marked.stream().map(String.class::cast).sorted().toList();
        for (int from = 0; from < skus.size(); from += ABSENT_PER_EVENT) {
            events.products(vendorId, EventTypes.PRODUCT_UPDATED, skus.subList(from, Math.min(skus.size(), from + ABSENT_PER_EVENT)), "import");
        }
        return skus.size();
    }

    /** The default import chunk's size (product-import.xml), so these events are no bigger than a chunk's. */
    static final int ABSENT_PER_EVENT = 5000;

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
}
