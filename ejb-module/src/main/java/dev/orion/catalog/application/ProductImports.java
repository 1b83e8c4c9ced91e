package dev.orion.catalog.application;

import dev.orion.platform.batch.BatchJobs;
import dev.orion.platform.batch.JobExecutionView;
import dev.orion.platform.storage.StorageBackend;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Accepts a product feed, keeps it in storage and starts the {@code product-import} job on it. */
@Stateless
public class ProductImports {

    public static final String JOB = "product-import";

    @EJB
    BatchJobs jobs;

    @Inject
    StorageBackend storage;

    /** Rows per chunk transaction: large enough for batched writes, small enough to restart cheaply. */
    @Inject
    @ConfigProperty(name = "orion.import.chunk-size", defaultValue = "500")
    int chunkSize;

    public long start(long vendorId, InputStream feed) {
        String key = "uploads/" + vendorId + "/" + UUID.randomUUID() + ".feed";
        try (var out = storage.create(key)) {
            long bytes = feed.transferTo(out);
            if (bytes == 0) {
                throw new IllegalArgumentException("The feed is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded feed", e);
        }
        var parameters = new Properties();
        parameters.setProperty("vendorId", Long.toString(vendorId));
        parameters.setProperty("storageKey", key);
        parameters.setProperty("chunkSize", Integer.toString(chunkSize));
        return jobs.start(JOB, parameters);
    }

    /** The import's execution, only if it belongs to this vendor. */
    public Optional<JobExecutionView> find(long vendorId, long executionId) {
        return jobs.execution(executionId)
                .filter(e -> JOB.equals(e.jobName()))
                .filter(e -> Long.toString(vendorId).equals(e.parameters().get("vendorId")));
    }
}
