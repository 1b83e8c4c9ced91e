package dev.orion.identity.rest;

import dev.orion.identity.application.ApiClientAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a token's client is still allowed in. The answer is cached per node for
 * {@code ORION_REVOCATION_CHECK_INTERVAL} (30 s by default), so a revoked client's live tokens stop working
 * within that time on every node, without a database query per request.
 */
@ApplicationScoped
public class ClientRevocations {

    @Inject
    ApiClientAdmin clients;

    @Inject
    @ConfigProperty(name = "orion.revocation.check-interval", defaultValue = "PT30S")
    Duration interval;

    private record Checked(boolean active, long at) {
    }

    private final ConcurrentHashMap<String, Checked> cache = new ConcurrentHashMap<>();

    public boolean active(String clientId) {
        long now = System.nanoTime();
        Checked checked = cache.get(clientId);
        if (checked == null || now - checked.at() > interval.toNanos()) {
            if (cache.size() > 50_000) {
                cache.clear();
            }
            checked = new Checked(clients.active(clientId), now);
            cache.put(clientId, checked);
        }
        return checked.active();
    }
}
