package dev.orion.catalog.application;

import dev.orion.catalog.infrastructure.ProductBulkUpsert;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.jobs.JobExecutionView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reverts a product import with what its chunks recorded, by the same statement as the products
 * ({@code import_revert_rows}: each product changed, with its values from before; {@code import_revert_created}: the
 * SKUs created, an array a chunk): in one transaction and set-based, each product the import changed gets its values
 * from before back, and each product it created is deleted, or made out of stock if orders name it (their lines
 * keep their copies, but an order's link to its product is worth keeping). A product whose version is not the one
 * the import left was changed by someone else since: it is a conflict, left as it is. Audited
 * ({@code import.revert}); an import is reverted once.
 */
@Stateless
public class ImportReverts {

    /** How many conflicting SKUs the result names; the count is always exact. */
    public static final int CONFLICTS_LISTED = 1000;
    static final Set<String> REVERTIBLE = Set.of("COMPLETED", "FAILED");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /** Reverts the import {@code importId} (found with {@link ProductImports#find}, so the vendor's own). */
    public ImportRevert revert(long vendorId, long importId, JobExecutionView execution, Actor who) {
        if (ProductImports.isDryRun(execution)) {
            throw new ImportNotRevertibleException("Import " + importId + " is a dry run: it changed nothing, so there is nothing to revert");
        }
        if (!REVERTIBLE.contains(execution.batchStatus()) || execution.queued()) {
            throw new ImportNotRevertibleException("Import " + importId + " is " + execution.status()
                    + "; only a completed or failed import can be reverted");
        }
        long instance = execution.instanceId();
        List<?> header = em.createNativeQuery("SELECT reverted_at FROM import_revert_data WHERE job_instance_id = ?1"
                        + " AND vendor_id = ?2 FOR UPDATE")
                .setParameter(1, instance).setParameter(2, vendorId).getResultList();
        if (header.isEmpty()) {
            throw new ImportNotRevertibleException("Nothing is recorded to revert import " + importId + ": it changed no product,"
                    + " or its revert data was purged after the retention period (ORION_RETENTION_IMPORT_ISSUES)");
        }
        if (header.get(0) != null) {
            throw new ImportNotRevertibleException("Import " + importId + " was already reverted");
        }
        // the products the import created (an array a chunk) join the rows of those it changed, as one row each
        em.createNativeQuery(ProductBulkUpsert.CREATED_AS_REVERT_ROWS).setParameter(1, instance).executeUpdate();
        // the products the import wrote are locked in SKU order (as stock batches lock them), so none changes
        // between the comparison of versions and the writes below
        em.createNativeQuery("SELECT count(*) FROM (SELECT p.id FROM products p JOIN import_revert_rows r ON r.sku = p.sku"
                        + " WHERE r.job_instance_id = ?1 AND p.vendor_id = ?2 ORDER BY p.sku FOR UPDATE OF p) locked")
                .setParameter(1, instance).setParameter(2, vendorId).getSingleResult();
        // conflicts: changed or deleted by someone else since (a changed row without values from before was created
        // concurrently with the import's write: not the import's to undo either)
        em.createNativeQuery("""
                        WITH conflict AS (
                            SELECT r.sku FROM import_revert_rows r LEFT JOIN products p ON p.vendor_id = ?2 AND p.sku = r.sku
                            WHERE r.job_instance_id = ?1 AND (p.version <> r.version_after
                                OR NOT r.created AND (p.id IS NULL OR r.title IS NULL))
                        )
                        UPDATE import_revert_data SET conflicts = (SELECT count(*) FROM conflict),
                            conflict_skus = ARRAY(SELECT sku FROM conflict ORDER BY sku LIMIT ?3)
                        WHERE job_instance_id = ?1""")
                .setParameter(1, instance).setParameter(2, vendorId).setParameter(3, CONFLICTS_LISTED).executeUpdate();
        int restored = em.createNativeQuery("""
                        UPDATE products p SET gtin = r.gtin, title = r.title, description = r.description, brand = r.brand,
                            price_amount = r.price_amount, price_currency = r.price_currency, stock = r.stock,
                            availability = r.availability, image_links = r.image_links, updated_at = now(), version = p.version + 1
                        FROM import_revert_rows r
                        WHERE r.job_instance_id = ?1 AND NOT r.created AND r.title IS NOT NULL
                          AND p.vendor_id = ?2 AND p.sku = r.sku AND p.version = r.version_after""")
                .setParameter(1, instance).setParameter(2, vendorId).executeUpdate();
        int removed = em.createNativeQuery("""
                        DELETE FROM products p USING import_revert_rows r
                        WHERE r.job_instance_id = ?1 AND r.created AND p.vendor_id = ?2 AND p.sku = r.sku
                          AND p.version = r.version_after AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.product_id = p.id)""")
                .setParameter(1, instance).setParameter(2, vendorId).executeUpdate();
        int unavailable = em.createNativeQuery("""
                        UPDATE products p SET availability = 'out_of_stock', updated_at = now(), version = p.version + 1
                        FROM import_revert_rows r
                        WHERE r.job_instance_id = ?1 AND r.created AND p.vendor_id = ?2 AND p.sku = r.sku
                          AND p.version = r.version_after""")
                .setParameter(1, instance).setParameter(2, vendorId).executeUpdate();
        em.createNativeQuery("UPDATE import_revert_data SET reverted_at = now(), reverted_by = ?2, restored = ?3, removed = ?4,"
                        + " unavailable = ?5 WHERE job_instance_id = ?1")
                .setParameter(1, instance).setParameter(2, who.name()).setParameter(3, restored).setParameter(4, removed)
                .setParameter(5, unavailable).executeUpdate();
        // the header keeps the result; the rows have served
        em.createNativeQuery("DELETE FROM import_revert_rows WHERE job_instance_id = ?1").setParameter(1, instance).executeUpdate();
        em.createNativeQuery("DELETE FROM import_revert_created WHERE job_instance_id = ?1").setParameter(1, instance).executeUpdate();
        ImportRevert result = find(vendorId, importId, instance).orElseThrow();
        audit.record(who, vendorId, "import.revert", "import", importId, "restored " + restored + ", removed " + removed
                + ", made unavailable " + unavailable + ", conflicts " + result.conflicts());
        return result;
    }

    /** Whether the import can still be reverted: a real import that ended, with revert data kept and not used yet. */
    public boolean isRevertible(long vendorId, JobExecutionView execution) {
        if (ProductImports.isDryRun(execution) || !REVERTIBLE.contains(execution.batchStatus()) || execution.queued()) {
            return false;
        }
        return !em.createNativeQuery("SELECT 1 FROM import_revert_data WHERE job_instance_id = ?1 AND vendor_id = ?2"
                        + " AND reverted_at IS NULL")
                .setParameter(1, execution.instanceId()).setParameter(2, vendorId).getResultList().isEmpty();
    }

    /** What reverting the import did; empty while it is not reverted. */
    public Optional<ImportRevert> find(long vendorId, long importId, long jobInstanceId) {
        List<?> rows = em.createNativeQuery("SELECT restored, removed, unavailable, conflicts, reverted_at, reverted_by"
                        + " FROM import_revert_data WHERE job_instance_id = ?1 AND vendor_id = ?2 AND reverted_at IS NOT NULL")
                .setParameter(1, jobInstanceId).setParameter(2, vendorId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        @SuppressWarnings("unchecked")
        List<String> skus = em.createNativeQuery("SELECT unnest(conflict_skus) FROM import_revert_data WHERE job_instance_id = ?1")
                .setParameter(1, jobInstanceId).getResultList();
        return Optional.of(new ImportRevert(importId, number(row[0]), number(row[1]), number(row[2]), number(row[3]),
                List.copyOf(skus), instant(row[4]), (String) row[5]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}
