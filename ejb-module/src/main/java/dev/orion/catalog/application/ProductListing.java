package dev.orion.catalog.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one product query: filtered pages of one vendor's catalogue for the API (keyset by id) and the console's table
 * (sorted, by offset) and exports (keyset by SKU), all from one {@link ProductQuery} turned into SQL in one place
 * ({@link ProductQuerySql}). Every query here is bounded (LIMIT), so a vendor with a million products costs one page
 * per request, never the lot. Rows are read as plain values, not managed entities: a page is read-only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only: no BEGIN/COMMIT round trips of their own
public class ProductListing {

    /**
     * Counting stops here: an exact COUNT of a million rows reads them all on every filter change, while "more
     * than 100,000" is all a person paging needs to know (they narrow the filter instead of paging that far).
     * It also bounds the deepest OFFSET the table can ask for.
     */
    public static final int COUNT_CAP = 100_000;

    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /**
     * The API's page: the matches after {@code afterId}, oldest first (keyset on the (vendor, id) index: stable
     * under concurrent inserts, no duplicates, no gaps), with one row more read to know whether there is more.
     */
    public ProductPage after(long vendorId, ProductQuery query, Long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        var where = new ProductQuerySql(vendorId, query);
        var select = ProductRows.query(em, "SELECT " + ProductRows.COLUMNS + " FROM orion.products p WHERE " + where.where
                + " AND p.id > :after ORDER BY p.id LIMIT :limit");
        where.params.forEach(select::setParameter);
        select.setParameter("after", afterId == null ? 0L : afterId);
        select.setParameter("limit", size + 1);
        List<Object[]> rows = select.getResultList();
        boolean more = rows.size() > size;
        List<ProductView> page = rows.stream().limit(size).map(ProductRows::view).toList();
        return new ProductPage(page, more, more ? page.get(page.size() - 1).id() : null);
    }

    /** The console's page: a single SELECT ... ORDER BY (whitelisted) LIMIT/OFFSET. */
    public List<ProductView> page(long vendorId, ProductQuery query, ProductSort sort, boolean descending, int offset, int limit) {
        var where = new ProductQuerySql(vendorId, query);
        var select = ProductRows.query(em, "SELECT " + ProductRows.COLUMNS + " FROM " + where.source()
                + " ORDER BY " + sort.orderBy(descending) + " LIMIT :limit OFFSET :offset");
        where.params.forEach(select::setParameter);
        select.setParameter("limit", Math.max(1, Math.min(limit, MAX_PAGE)));
        select.setParameter("offset", Math.max(0, Math.min(offset, COUNT_CAP)));
        return select.getResultList().stream().map(ProductRows::view).toList();
    }

    /** How many products match, counting at most {@code COUNT_CAP + 1} (more than the cap means "over the cap"). */
    public long countUpTo(long vendorId, ProductQuery query) {
        var where = new ProductQuerySql(vendorId, query);
        var count = em.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM orion.products p WHERE " + where.where
                + " LIMIT :cap) capped", Long.class);
        where.params.forEach(count::setParameter);
        count.setParameter("cap", COUNT_CAP + 1);
        return ((Number) count.getSingleResult()).longValue();
    }

    /**
     * The next {@code size} matching products after {@code afterSku}, in SKU order: an export walks the whole
     * result this way (keyset paging on the unique (vendor, SKU) index), one short query per batch. Unlike a page,
     * no subquery for searches: walking the SKU index until a batch is full crosses the catalogue once in all.
     */
    public List<ProductView> batchAfter(long vendorId, ProductQuery query, String afterSku, int size) {
        var where = new ProductQuerySql(vendorId, query);
        var select = ProductRows.query(em, "SELECT " + ProductRows.COLUMNS + " FROM orion.products p WHERE " + where.where
                + " AND p.sku > :after ORDER BY p.sku LIMIT :limit");
        where.params.forEach(select::setParameter);
        select.setParameter("after", afterSku == null ? "" : afterSku);
        select.setParameter("limit", Math.max(1, Math.min(size, 5_000)));
        return select.getResultList().stream().map(ProductRows::view).toList();
    }

    /** The SKUs of those of {@code productIds} that belong to the vendor (others are ignored), in SKU order. */
    public List<String> skus(long vendorId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p.sku FROM Product p WHERE p.vendorId = :vendor AND p.id IN :ids ORDER BY p.sku", String.class)
                .setParameter("vendor", vendorId).setParameter("ids", productIds).getResultList();
    }

    /** A product by id, if it belongs to the vendor (null vendor: any, for platform users). */
    public Optional<ProductView> find(Long vendorId, long id) {
        var select = ProductRows.query(em, "SELECT " + ProductRows.COLUMNS + " FROM orion.products p WHERE p.id = :id"
                + (vendorId == null ? "" : " AND p.vendor_id = :vendor"));
        select.setParameter("id", id);
        if (vendorId != null) {
            select.setParameter("vendor", vendorId);
        }
        return select.getResultList().stream().findFirst().map(ProductRows::view);
    }
}
