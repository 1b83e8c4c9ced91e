package dev.orion.platform.imports;

import dev.orion.platform.jobs.JobInstancePurged;
import dev.orion.platform.storage.StorageBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * When a finished import's job leaves the job repository (its retention, {@code ORION_RETENTION_JOB_EXECUTIONS}),
 * its uploaded or fetched feed and its stored report of rejected rows leave storage, once the deletion is committed.
 */
@ApplicationScoped
public class ImportFilesPurge {

    private static final Logger LOG = Logger.getLogger(ImportFilesPurge.class.getName());

    @Inject
    StorageBackend storage;

    void dropFiles(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobInstancePurged purged) {
        String feed = purged.parameters().get("storageKey");
        if (feed != null && feed.endsWith(FeedUploads.FEED_SUFFIX)) { // FeedUploads named it: an import's feed
            delete(feed);
        }
        delete(ImportIssues.reportKey(purged.instanceId()));
    }

    private void delete(String key) {
        try {
            if (storage.exists(key)) {
                storage.delete(key);
            }
        } catch (IOException e) {
            LOG.warning("Could not delete " + key + " of a purged import: " + e);
        }
    }
}
