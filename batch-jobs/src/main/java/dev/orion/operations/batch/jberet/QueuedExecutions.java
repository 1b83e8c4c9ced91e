package dev.orion.operations.batch.jberet;

import dev.orion.platform.batch.JobAdmission;
import dev.orion.platform.batch.JobSlots;
import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.JobCapacity;
import dev.orion.platform.jobs.JobOperationRefusedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the executions that wait for capacity (QUEUED by their admission step, {@link JobCapacity}) as slots of
 * their kind free on this server: every couple of seconds the oldest are restarted here, each going through its
 * admission step again. Every server that runs batch work does this; a lock in PostgreSQL lets one at a time look,
 * so one queued execution is never restarted twice. A vendor that runs its share of a kind (JobCapacity's vendor
 * limit) gets none of its queued executions restarted until one of its running ones ends; the line moves on past it
 * to other vendors' work. An API-only server ({@code ORION_BATCH_ENABLED=false}) does
 * not: what it starts waits for the others. The timer is not persistent: each server runs its own.
 */
@Singleton
@Startup
@DependsOn("InterruptedExecutions")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class QueuedExecutions {

    private static final Logger LOG = Logger.getLogger(QueuedExecutions.class.getName());
    private static final long QUEUE_LOCK = 0x0710_AD32L;
    private static final int LOOKED_AT = 100;

    @Resource
    TimerService timers;

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @EJB
    JobSlots slots;

    @EJB
    BatchJobs jobs;

    @Inject
    @ConfigProperty(name = "orion.jobs.queue.poll.ms", defaultValue = "2000")
    long pollMillis;

    /** Must match the batch thread pool's max-threads in orion.cli (the same environment variable). */
    @Inject
    @ConfigProperty(name = "orion.batch.threads", defaultValue = "9")
    int batchThreads;

    /** Partition threads of one report (SalesReportPartitionMapper). */
    @Inject
    @ConfigProperty(name = "orion.report.threads", defaultValue = "2")
    int reportThreads;

    @PostConstruct
    void start() {
        var capacity = JobCapacity.ofConfig();
        if (!capacity.batchEnabled()) {
            LOG.info("ORION_BATCH_ENABLED=false: this server runs no batch work; imports and reports started here are"
                    + " QUEUED until a server that runs batch work starts them");
            return;
        }
        int imports = capacity.slotsHere("import");
        int reports = capacity.slotsHere("report");
        int needed = imports + reports * (1 + reportThreads) + 1;
        if (batchThreads < needed) {
            LOG.warning("ORION_BATCH_THREADS (" + batchThreads + ") is below what " + imports + " import slot(s) and " + reports
                    + " report slot(s) of " + (1 + reportThreads) + " thread(s) need (" + needed + ", one spare for admissions):"
                    + " admitted jobs may wait for a thread");
        }
        LOG.info(() -> "Job capacity of this server: " + imports + " import(s) and " + reports + " report(s) at once, "
                + batchThreads + " batch threads");
        timers.createIntervalTimer(pollMillis, pollMillis, new TimerConfig("queued-executions", false));
    }

    @Timeout
    void startQueued() {
        try (var connection = dataSource.getConnection()) {
            try (var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, QUEUE_LOCK);
                try (var rows = lock.executeQuery()) {
                    if (!rows.next() || !rows.getBoolean(1)) {
                        return; // another server is looking right now
                    }
                }
            }
            try {
                restartWhileSlotsAreFree();
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, QUEUE_LOCK);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            LOG.warning("Could not look for queued job executions: " + e.getMessage());
        }
    }

    private void restartWhileSlotsAreFree() {
        var capacity = JobCapacity.ofConfig();
        String node = JobAdmission.node();
        Map<String, Integer> free = new HashMap<>();
        Map<String, Long> vendorsRunning = new HashMap<>();
        for (JobSlots.Queued queued : slots.queued(LOOKED_AT)) {
            String kind = JobCapacity.kindOf(queued.admissionStep());
            int left = free.computeIfAbsent(queued.admissionStep(), step -> capacity.free(kind, slots.admitted(step, node)));
            if (left <= 0) {
                continue;
            }
            String share = queued.admissionStep() + "/" + queued.vendorId();
            if (queued.vendorId() != null) {
                long running = vendorsRunning.computeIfAbsent(share, key -> slots.runningForVendor(queued.admissionStep(), queued.vendorId()));
                if (!capacity.admitsForVendor(kind, queued.vendorId(), running)) {
                    // the vendor runs its share: its later ones wait behind this one, another vendor's may go
                    vendorsRunning.put(share, Long.MAX_VALUE);
                    continue;
                }
                vendorsRunning.put(share, running + 1);
            }
            free.put(queued.admissionStep(), left - 1);
            try {
                long restarted = jobs.restart(queued.executionId());
                LOG.info(() -> "Queued job execution " + queued.executionId() + " restarted as " + restarted + ": its kind ("
                        + kind + ") has a free slot" + (queued.vendorId() == null ? "" : " and vendor " + queued.vendorId() + " a free share"));
            } catch (JobOperationRefusedException e) {
                LOG.info(() -> "Queued job execution " + queued.executionId() + " not restarted: " + e.getMessage());
            }
        }
    }
}
