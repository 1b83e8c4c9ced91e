package dev.orion.catalog.application;

import dev.orion.catalog.infrastructure.ProductBulkUpsert;
import dev.orion.platform.imports.ImportIssues;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dry runs of product imports: each chunk is compared with the catalogue instead of merged into it
 * ({@link ProductBulkUpsert#preview}), counting into the dry run's row of {@code import_previews}; the last step
 * counts what a full import would make unavailable. Nothing here writes {@code products}.
 */
@Stateless
public class ImportPreviews {

    /** Created or changed products kept with their values before and after, per dry run. */
    public static final int SAMPLES = 20;
    /** Rejected rows and warnings shown with a preview (the report has them all). */
    static final int ISSUES_SHOWN = 50;

    @PersistenceContext
    EntityManager em;

    @EJB
    ImportIssues issues;

    /** Counts what a chunk would change, in the chunk's transaction; a full dry run remembers the SKUs seen. */
    public void previewChunk(long vendorId, List<ProductUpsert> items, long jobInstanceId, boolean full) {
        ProductBulkUpsert.preview(em, vendorId, items, jobInstanceId, full, SAMPLES);
    }

    /**
     * The dry run's last step: a full one counts the vendor's available products the feed did not name (what the
     * import would make unavailable) and drops its seen SKUs. Either way the preview row exists afterwards, also
     * for a feed without one good row.
     */
    public int finish(long vendorId, long jobInstanceId, boolean full) {
        int absent = 0;
        if (full) {
            absent = ((Number) em.createNativeQuery("SELECT count(*) FROM products p WHERE p.vendor_id = ?1"
                            + " AND p.availability <> 'out_of_stock' AND NOT EXISTS (SELECT 1 FROM import_seen_skus s"
                            + " WHERE s.job_instance_id = ?2 AND s.sku = p.sku)")
                    .setParameter(1, vendorId).setParameter(2, jobInstanceId).getSingleResult()).intValue();
            em.createNativeQuery("DELETE FROM import_seen_skus WHERE job_instance_id = ?1").setParameter(1, jobInstanceId).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO import_previews (job_instance_id, vendor_id, unavailable) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (job_instance_id) DO UPDATE SET unavailable = EXCLUDED.unavailable")
                .setParameter(1, jobInstanceId).setParameter(2, vendorId).setParameter(3, absent).executeUpdate();
        return absent;
    }

    /** The preview of a dry run (empty until its first chunk or its end); {@code full}: whether it was a full import. */
    @SuppressWarnings("unchecked")
    public Optional<ImportPreview> find(long jobInstanceId, boolean full) {
        List<Object[]> rows = em.createNativeQuery("SELECT created, changed, unchanged, unavailable, changed_title,"
                        + " changed_description, changed_brand, changed_gtin, changed_price, changed_stock, changed_availability,"
                        + " changed_images, applied_import_id,"
                        + " (SELECT count(*) FILTER (WHERE severity = 'rejected') FROM import_issues WHERE job_instance_id = ?1),"
                        + " (SELECT count(*) FILTER (WHERE severity = 'warning') FROM import_issues WHERE job_instance_id = ?1)"
                        + " FROM import_previews WHERE job_instance_id = ?1")
                .setParameter(1, jobInstanceId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        Map<String, Long> fields = new LinkedHashMap<>();
        for (int i = 0; i < ProductBulkUpsert.FIELDS.size(); i++) {
            fields.put(ProductBulkUpsert.FIELDS.get(i), number(r[4 + i]));
        }
        return Optional.of(new ImportPreview(number(r[0]), number(r[1]), fields, number(r[2]), full ? number(r[3]) : null,
                number(r[13]), number(r[14]), changes(jobInstanceId), issues.first(jobInstanceId, ISSUES_SHOWN),
                r[12] == null ? null : number(r[12])));
    }

    /**
     * The import that applied this dry run, if one did; the preview row is locked until the caller's transaction
     * ends, so of two Apply requests at once the second sees the first's import.
     */
    public Optional<Long> appliedImport(long jobInstanceId) {
        List<?> applied = em.createNativeQuery("SELECT applied_import_id FROM import_previews WHERE job_instance_id = ?1 FOR UPDATE")
                .setParameter(1, jobInstanceId).getResultList();
        return applied.isEmpty() || applied.get(0) == null ? Optional.empty() : Optional.of(((Number) applied.get(0)).longValue());
    }

    public void markApplied(long vendorId, long jobInstanceId, long importId) {
        em.createNativeQuery("INSERT INTO import_previews (job_instance_id, vendor_id, applied_import_id) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (job_instance_id) DO UPDATE SET applied_import_id = EXCLUDED.applied_import_id")
                .setParameter(1, jobInstanceId).setParameter(2, vendorId).setParameter(3, importId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<ImportPreview.Change> changes(long jobInstanceId) {
        List<Object[]> rows = em.createNativeQuery("SELECT sku, kind, before_values::text, after_values::text"
                        + " FROM import_preview_samples WHERE job_instance_id = ?1 ORDER BY id")
                .setParameter(1, jobInstanceId).setMaxResults(SAMPLES).getResultList();
        return rows.stream().map(r -> change((String) r[0], (String) r[1], json((String) r[2]), json((String) r[3]))).toList();
    }

    /** Only what the import sets: every field of a new product that has a value, the differing fields of a changed one. */
    static ImportPreview.Change change(String sku, String kind, JsonObject before, JsonObject after) {
        Map<String, ImportPreview.FieldChange> fields = new LinkedHashMap<>();
        for (String field : after.keySet()) {
            String was = before == null ? null : text(before.get(field));
            String is = text(after.get(field));
            boolean differs = before == null ? is != null : !java.util.Objects.equals(was, is);
            if (differs) {
                fields.put(field, new ImportPreview.FieldChange(was, is));
            }
        }
        return new ImportPreview.Change(sku, kind, fields);
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static JsonObject json(String text) {
        if (text == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
