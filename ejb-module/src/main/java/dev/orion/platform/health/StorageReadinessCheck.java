package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The storage directory ({@code ORION_STORAGE_DIR}) exists and a file can be written there. */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = "orion.storage.dir", defaultValue = "${jboss.server.data.dir}/orion/storage")
    String directory;

    @Override
    public HealthCheckResponse call() {
        return Probe.run("storage", () -> {
            Path root = Path.of(directory).toAbsolutePath().normalize();
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".probe", ".tmp"));
            return root.toString();
        });
    }
}
