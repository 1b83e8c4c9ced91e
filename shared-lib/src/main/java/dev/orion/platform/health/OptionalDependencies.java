package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/**
 * The last word on the dependencies Orion serves without (the SMTP relay, Redis): one state each, written by the
 * watch that probes them every few seconds ({@code DependencyWatch}, in the EJB module) and read by readiness
 * ({@link OptionalDependenciesCheck}), so a health call reports the watch's last probe instead of probing again.
 * Here in lib/ because both sides must see the same instance.
 */
@ApplicationScoped
public class OptionalDependencies {

    private static final Logger LOG = Logger.getLogger(OptionalDependencies.class.getName());

    private final DependencyState smtp = new DependencyState("smtp", "The SMTP relay",
            "emails wait in the outbox and go out once it answers", LOG);
    private final DependencyState redis = new DependencyState("redis", "Redis",
            "rate limits fall back to each node's own", LOG);

    public DependencyState smtp() {
        return smtp;
    }

    public DependencyState redis() {
        return redis;
    }

    public List<DependencyState> all() {
        return List.of(smtp, redis);
    }
}
