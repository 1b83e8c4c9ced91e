package dev.orion.platform.health;

import dev.orion.platform.storage.StorageBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The chosen storage backend ({@code ORION_STORAGE_BACKEND}) takes and deletes a probe object. */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    @Inject
    StorageBackend storage;

    @Override
    public HealthCheckResponse call() {
        return Probe.run("storage", storage::probe);
    }
}
