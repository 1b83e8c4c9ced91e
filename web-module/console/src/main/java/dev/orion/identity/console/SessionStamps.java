package dev.orion.identity.console;

import dev.orion.identity.application.ConsoleUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users' current security stamps, read from the database at most once per
 * {@code ORION_SESSION_CHECK_INTERVAL} (5 s) per user on each node: a changed account's sessions end within that
 * time everywhere, without a query on every request.
 */
@ApplicationScoped
public class SessionStamps {

    @Inject
    ConsoleUsers users;

    @Inject
    @ConfigProperty(name = "orion.session.check-interval", defaultValue = "PT5S")
    Duration interval;

    private record Checked(Optional<Long> stamp, long at) {
    }

    private final ConcurrentHashMap<String, Checked> cache = new ConcurrentHashMap<>();

    /** The stamp of this signed-in user, as known at most an interval ago; empty when they may no longer sign in. */
    public Optional<Long> current(String email) {
        Checked checked = cache.get(email);
        if (checked == null || System.nanoTime() - checked.at() > interval.toNanos()) {
            return fresh(email);
        }
        return checked.stamp();
    }

    /** The stamp as the database has it now (at sign-in, and before ending a session on a cached answer). */
    public Optional<Long> fresh(String email) {
        if (cache.size() > 50_000) {
            cache.clear();
        }
        Optional<Long> stamp = users.securityStamp(email);
        cache.put(email, new Checked(stamp, System.nanoTime()));
        return stamp;
    }
}
