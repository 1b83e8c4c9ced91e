package dev.orion.platform.redis;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.connection.ClientConnectionsEntry;
import org.redisson.connection.ConnectionsHolder;
import org.redisson.connection.MasterSlaveEntry;

/**
 * How busy this server's Redisson connection pool is. Redisson's public API has no pool statistics, so this
 * reads its connection holders ({@code org.redisson.connection}, internal: MetricsIT fails if an upgrade
 * breaks it, and the gauges then read NaN rather than a wrong figure). Counts cover the command connections
 * to every node the client uses, not pub/sub connections.
 */
final class RedisPoolUsage {

    private final RedissonClient client;
    private final int poolSize;

    RedisPoolUsage(RedissonClient client, int poolSize) {
        this.client = client;
        this.poolSize = poolSize;
    }

    /** The pool size configured (ORION_REDIS_POOL_SIZE). */
    double max() {
        return poolSize;
    }

    /** Connections a command holds right now (open connections that are not among the free ones). */
    double borrowed() {
        return sum(Measure.BORROWED);
    }

    /** Commands waiting for a connection because the pool is exhausted. */
    double waiting() {
        return sum(Measure.WAITING);
    }

    /** Connections open to Redis (idle or busy); fewer than the pool size while the pool is lazily filled. */
    double open() {
        return sum(Measure.OPEN);
    }

    private enum Measure { BORROWED, WAITING, OPEN }

    private double sum(Measure measure) {
        if (!(client instanceof Redisson redisson) || client.isShutdown()) {
            return Double.NaN;
        }
        try {
            double total = 0;
            for (ClientConnectionsEntry node : nodes(redisson)) {
                ConnectionsHolder<?> holder = node.getConnectionsHolder();
                total += switch (measure) {
                    case BORROWED -> holder.getAllConnections().size() - holder.getFreeConnections().size();
                    case WAITING -> holder.getFreeConnectionsCounter().queueSize();
                    case OPEN -> holder.getAllConnections().size();
                };
            }
            return total;
        } catch (RuntimeException e) {
            return Double.NaN; // Redisson's internals moved: the gauge shows no value rather than a wrong one
        }
    }

    /** Each node's connection entry once: the master's, and the replicas' (which may list the master again). */
    private static Set<ClientConnectionsEntry> nodes(Redisson redisson) {
        Set<ClientConnectionsEntry> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MasterSlaveEntry entry : redisson.getCommandExecutor().getConnectionManager().getEntrySet()) {
            if (entry.getEntry() != null) {
                nodes.add(entry.getEntry());
            }
            nodes.addAll(entry.getAllEntries());
        }
        return nodes;
    }
}
