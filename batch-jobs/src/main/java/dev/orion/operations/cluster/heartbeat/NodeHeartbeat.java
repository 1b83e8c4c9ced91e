package dev.orion.operations.cluster.heartbeat;

import dev.orion.operations.batch.jberet.InterruptedExecutions;
import dev.orion.operations.cluster.ClusterNodes;
import dev.orion.platform.cluster.NodeDeclaredDead;
import dev.orion.platform.cluster.NodeFenced;
import dev.orion.platform.cluster.NodeLease;
import dev.orion.platform.persistence.DatabaseAvailability;
import dev.orion.operations.cluster.SilentNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every few seconds this server says it is alive ({@code cluster_nodes}) and looks for servers that stopped
 * saying so. A server silent for {@code ORION_CLUSTER_DEAD_AFTER_SECONDS} is taken for dead, and one survivor
 * recovers what it left: it announces {@link NodeDeclaredDead} in the claim's transaction, and each capability
 * recovers its own work (its running job executions become FAILED, restartable on any server; every email still
 * QUEUED from before its silence is put on the queue again). The timer is not persistent: each server runs its
 * own, and a dead server's stops with it.
 *
 * <p>Each server beats under the epoch it joined with ({@link NodeLease}). A server that was only paused, not dead,
 * finds at its next beat that its epoch is gone: it is fenced. It announces {@link NodeFenced} (its job executions
 * are stopped; their chunks could not commit anyway), then joins again with a new epoch.
 */
@Singleton
@Startup
@DependsOn({"InterruptedExecutions", "orion-ejb.jar#SchemaMigrator"}) // the table comes with the migrations
public class NodeHeartbeat {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());

    @Resource
    TimerService timers;

    @EJB
    ClusterNodes nodes;

    @Inject
    Event<NodeDeclaredDead> deadNodes;

    @Inject
    Event<NodeFenced> fencing;

    @Inject
    NodeLease lease;

    @Inject
    DatabaseAvailability database;

    @Inject
    @ConfigProperty(name = "orion.cluster.heartbeat.seconds", defaultValue = "10")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "orion.cluster.dead.after.seconds", defaultValue = "60")
    int deadAfterSeconds;

    private final String node = InterruptedExecutions.node();

    @PostConstruct
    void start() {
        if (deadAfterSeconds < 3 * heartbeatSeconds) {
            LOG.warning("ORION_CLUSTER_DEAD_AFTER_SECONDS (" + deadAfterSeconds + ") is under three heartbeats ("
                    + heartbeatSeconds + " s each): a busy server may be taken for dead");
        }
        lease.joined(nodes.join(node));
        LOG.info(() -> "Server " + node + " joined the cluster with epoch " + lease.epoch());
        timers.createIntervalTimer(heartbeatSeconds * 1000L, heartbeatSeconds * 1000L, new TimerConfig("node-heartbeat", false));
    }

    @Timeout
    void beatAndRecover() {
        if (nodes.renew(node, lease.epoch())) {
            lease.renewed();
        } else {
            rejoinFenced();
        }
        if (!database.steadyFor(Duration.ofSeconds(deadAfterSeconds))) {
            // after a database outage every server was silent for as long as it lasted: each gets a full dead-after
            // period to beat again before anyone is taken for dead (docs/runbook.md, "The database refuses")
            return;
        }
        try {
            int cut = nodes.cutFencedCommitsOfSilent(node, deadAfterSeconds);
            if (cut > 0) {
                LOG.warning(() -> "Ended " + cut + " open chunk transaction(s) of silent servers, paused before their commit");
            }
        } catch (RuntimeException e) {
            // the claim below still skips such a server and tries again at the next beat
            LOG.warning(() -> "Could not end the open transactions of silent servers: " + e);
        }
        for (SilentNode dead : nodes.claimSilent(node, deadAfterSeconds)) {
            LOG.warning(() -> "Server " + dead.name() + " has been silent since " + dead.lastSeen() + "; recovering what it left");
            deadNodes.fire(new NodeDeclaredDead(dead.name(), dead.lastSeen()));
        }
    }

    /** Another server took this one for dead and recovered its work: stop what still runs here, then join again. */
    private void rejoinFenced() {
        long lost = lease.epoch();
        lease.lost();
        LOG.warning(() -> "Server " + node + " lost its lease (epoch " + lost + "): another server took it for dead while it was"
                + " silent and recovered its work; stopping its job executions and refusing timer firings and messages until it rejoins");
        fencing.fire(new NodeFenced(node, lost));
        lease.joined(nodes.join(node));
        LOG.warning(() -> "Server " + node + " rejoined the cluster with epoch " + lease.epoch());
    }
}
