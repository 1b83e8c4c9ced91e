package dev.orion.catalog.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

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

    /** The API's page is read in plain JDBC (ProductRows.read): it runs outside any transaction, nothing to flush. */
    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    /**
     * How many rows of the keyset range a search page tests, per row of the page, before it lets the index find the
     * matches instead (see {@link #after}): a word in fewer than one product in 200 is found through the GIN index.
     */
    static final int WALK_ROWS_PER_MATCH = 200;

    /**
     * The search walk's keyset condition, written as a row comparison on (vendor_id, id), which only the
     * (vendor_id, id) index can serve. Written as {@code p.id > :after}, the walk (which has no other condition)
     * went by the primary key for a vendor whose products were added last, skipping every other vendor's rows
     * first (the planner assumes a vendor's rows are spread evenly over the ids): 0.6 s a page behind 2.2M rows.
     */
    private static final String WALK_AFTER = "(p.vendor_id, p.id) > (:vendor, :after)";

    /**
     * The API's page: the matches after {@code afterId}, oldest first (keyset on the (vendor, id) index: stable
     * under concurrent inserts, no duplicates, no gaps), with one row more read to know whether there is more.
     * <p>
     * A search ({@link ProductQuerySql#unsortable}) has two plans, each fast where the other is slow. Walking the
     * (vendor, id) index and testing each row finds a common word's page in a few hundred rows, but a rare word's
     * only after testing the whole catalogue (4 to 5 s on 1M products). Finding the matches through the GIN index
     * and sorting them is fast for a rare word, but costs in proportion to the matches, and worse once the bitmap
     * turns lossy (7 s for a pair of words in 15,000 products). So the walk goes first, bounded to
     * {@link #WALK_ROWS_PER_MATCH} rows per row of the page; only when it reaches its bound without filling the
     * page is the word rare, and the index finds the page instead (docs/performance.md measures both).
     */
    public ProductPage after(long vendorId, ProductQuery query, Long afterId, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        var where = new ProductQuerySql(vendorId, query);
        long after = afterId == null ? 0L : afterId;
        List<Object[]> rows = where.unsortable ? walkThenIndex(where, after, size)
                : keysetPage("orion.products p WHERE " + where.where + " AND p.id > :after", where, after, size);
        boolean more = rows.size() > size;
        List<ProductView> page = rows.stream().limit(size).map(ProductRows::view).toList();
        return new ProductPage(page, more, more ? page.get(page.size() - 1).id() : null);
    }

    /**
     * A search page by the bounded walk, or by the index when the walk ends at its bound short of a page. The walk's
     * last row is returned even when it does not match (walk_end), so its end is seen without another query.
     */
    private List<Object[]> walkThenIndex(ProductQuerySql where, long after, int size) {
        int bound = (size + 1) * WALK_ROWS_PER_MATCH;
        List<Object[]> rows = ProductRows.read(dataSource, "SELECT " + ProductRows.COLUMNS + ", p.walk_row = " + bound + " AS walk_end"
                + " FROM (SELECT p.*, row_number() OVER (ORDER BY p.id) AS walk_row FROM (SELECT * FROM orion.products p"
                + " WHERE p.vendor_id = :vendor AND " + WALK_AFTER + " ORDER BY p.id LIMIT " + bound + ") p) p"
                + " WHERE (" + where.where + ") OR p.walk_row = " + bound + " ORDER BY p.id LIMIT :limit",
                pageParameters(where, after, size), 1);
        if (rows.stream().noneMatch(row -> Boolean.TRUE.equals(row[ProductRows.COLUMN_COUNT]))) {
            return rows; // the page filled, or the walk saw every row after the cursor
        }
        // OFFSET 0: a subquery the planner cannot merge, so the GIN index finds the matches before they are sorted
        // (no row comparison here: it would offer the planner the (vendor_id, id) index again, with no LIMIT to stop)
        return keysetPage("(SELECT * FROM orion.products p WHERE " + where.where + " AND p.id > :after OFFSET 0) p",
                where, after, size);
    }

    /** Up to {@code size + 1} rows of {@code from} (aliased p, its conditions on :after included), by id. */
    private List<Object[]> keysetPage(String from, ProductQuerySql where, long after, int size) {
        return ProductRows.read(dataSource, "SELECT " + ProductRows.COLUMNS + " FROM " + from + " ORDER BY p.id LIMIT :limit",
                pageParameters(where, after, size), 0);
    }

    private static Map<String, Object> pageParameters(ProductQuerySql where, long after, int size) {
        var params = new HashMap<>(where.params);
        params.put("after", after);
        params.put("limit", size + 1);
        return params;
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
