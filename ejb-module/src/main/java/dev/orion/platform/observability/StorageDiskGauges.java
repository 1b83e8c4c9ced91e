package dev.orion.platform.observability;

import dev.orion.platform.storage.StorageBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;

/**
 * Free and total space of the disk the storage directory is on ({@code orion_storage_usable_bytes},
 * {@code orion_storage_total_bytes}), for the OrionStorageDiskLow alert: uploads, reports and invoices fill it,
 * and a full disk fails every import. Not registered for S3, whose space is not ours to watch.
 */
@Singleton
@Startup
public class StorageDiskGauges {

    private static final Logger LOG = Logger.getLogger(StorageDiskGauges.class.getName());

    @Inject
    StorageBackend storage;

    @Inject
    MeterRegistry meters;

    private OwnedGauges gauges;
    /** Held here: a gauge keeps only a weak reference to what it reads. */
    private FileStore disk;

    @PostConstruct
    void register() {
        gauges = new OwnedGauges(meters);
        try {
            disk = storage.disk().orElse(null);
        } catch (IOException | RuntimeException e) {
            LOG.warning("Storage disk space is not measured: " + e.getMessage());
        }
        if (disk != null) {
            gauges.add("orion.storage.usable.bytes", Tags.empty(), disk, space(FileStore::getUsableSpace));
            gauges.add("orion.storage.total.bytes", Tags.empty(), disk, space(FileStore::getTotalSpace));
        }
    }

    @PreDestroy
    void unregister() {
        gauges.removeAll();
    }

    private interface Space {
        long of(FileStore store) throws IOException;
    }

    private static ToDoubleFunction<FileStore> space(Space space) {
        return store -> {
            try {
                return space.of(store);
            } catch (IOException e) {
                return Double.NaN;
            }
        };
    }
}
