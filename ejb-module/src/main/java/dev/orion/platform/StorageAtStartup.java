package dev.orion.platform;

import dev.orion.platform.storage.StorageBackend;
import dev.orion.platform.storage.StorageNotUsableException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Refuses to start when the configured storage cannot be used (a missing bucket, wrong credentials, an
 * unwritable directory): better one clear line at start-up than failed uploads later.
 */
@Singleton
@Startup
public class StorageAtStartup {

    private static final Logger LOG = Logger.getLogger(StorageAtStartup.class.getName());

    @Inject
    StorageBackend storage;

    @PostConstruct
    void check() {
        try {
            storage.probe();
        } catch (Exception e) {
            String message = "storage is not usable: " + rootMessage(e);
            LOG.severe("Orion cannot start: " + message);
            throw new StartupFailure(message);
        }
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageNotUsableException) {
                return t.getMessage(); // names the location and the setting to fix
            }
            message = t.getMessage() == null ? message : t.getMessage();
        }
        return message;
    }
}
