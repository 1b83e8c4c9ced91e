package dev.orion.catalog.application;

import dev.orion.platform.imports.ImportIssue;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a dry run found its feed would do to the vendor's catalogue: products created, changed (and how many per
 * field), unchanged, made unavailable (a full import; null otherwise), rows rejected and warned about; the first
 * changes with their values before and after, and the first issues. {@code appliedImportId} is the import that
 * Apply started, once it has.
 */
public record ImportPreview(long created, long changed, Map<String, Long> changedFields, long unchanged, Long unavailable,
                            long rejected, long warnings, List<Change> changes, List<ImportIssue> issues,
                            Long appliedImportId) implements Serializable {

    /** A product the import would create or change; {@code fields} are those it sets or changes, before and after. */
    public record Change(String sku, String kind, Map<String, FieldChange> fields) implements Serializable {
    }

    /** A field's value before (null for a new product, or an empty field) and after. */
    public record FieldChange(String before, String after) implements Serializable {
    }
}
