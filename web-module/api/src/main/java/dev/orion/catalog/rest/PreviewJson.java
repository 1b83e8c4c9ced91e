package dev.orion.catalog.rest;

import dev.orion.catalog.application.ImportPreview;
import dev.orion.platform.jobs.JobExecutionView;
import java.util.List;
import java.util.Map;

/**
 * A dry run's answer: its status and what its feed would do to the catalogue (counts, changes per field, the first
 * changes before and after, the first rejected rows and warnings), and where to apply it.
 */
public record PreviewJson(long id, String status, String mode, long created, long changed, Map<String, Long> changedFields,
                          long unchanged, Long unavailable, long rejected, long warnings, List<ImportPreview.Change> changes,
                          List<IssueJson> issues, Long appliedImportId, String applyUrl, String importUrl) {

    static PreviewJson of(long id, JobExecutionView execution, ImportPreview preview, String applyUrl, String importUrl) {
        String mode = execution.parameters().getOrDefault("mode", "update");
        if (preview == null) { // not one chunk counted yet
            return new PreviewJson(id, execution.status(), mode, 0, 0, Map.of(), 0, null, 0, 0, List.of(), List.of(), null,
                    applyUrl, importUrl);
        }
        return new PreviewJson(id, execution.status(), mode, preview.created(), preview.changed(), preview.changedFields(),
                preview.unchanged(), preview.unavailable(), preview.rejected(), preview.warnings(), preview.changes(),
                preview.issues().stream().map(IssueJson::of).toList(), preview.appliedImportId(), applyUrl, importUrl);
    }
}
