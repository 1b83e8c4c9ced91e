package dev.orion.platform.cluster;

import java.time.Instant;

/**
 * A server was silent too long and this server claimed it (see {@link ClusterNodes#claimSilent}). Fired
 * synchronously in the claim's transaction: each capability recovers what the dead server left of its own work,
 * and an observer that fails rolls the claim back, so the server is claimed again at the next beat.
 *
 * @param node     the dead server's node name ({@code jboss.node.name})
 * @param lastSeen its last heartbeat, by the database's clock
 */
public record NodeDeclaredDead(String node, Instant lastSeen) {
}
