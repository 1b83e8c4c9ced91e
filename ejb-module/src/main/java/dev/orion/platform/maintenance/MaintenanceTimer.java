package dev.orion.platform.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The housekeeping heartbeat: a persistent EJB timer (stored in the database, so it survives restarts and
 * fires on one node of a cluster) that runs {@link Housekeeping} every {@code ORION_MAINTENANCE_INTERVAL}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // runs never overlap: the timer service does not re-enter a running timer
public class MaintenanceTimer {

    private static final Logger LOG = Logger.getLogger(MaintenanceTimer.class.getName());
    static final String TASK = "housekeeping";

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    @Inject
    Housekeeping housekeeping;

    @Inject
    TaskRuns runs;

    @Inject
    @ConfigProperty(name = "orion.maintenance.interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "orion")
    String node;

    /**
     * Timers are reconciled after start-up, not during it: a persistent timer can fire while this bean is
     * being deployed, and the timer service would then wait for the bean while the bean waits for the timer.
     */
    @PostConstruct
    void start() {
        context.getBusinessObject(MaintenanceTimer.class).schedule();
    }

    /** The timer's info names its interval, so a restart keeps a matching timer and replaces a stale one. */
    @Asynchronous
    public void schedule() {
        String wanted = TASK + "@" + interval;
        boolean present = false;
        for (Timer timer : timers.getTimers()) {
            if (!present && wanted.equals(timer.getInfo())) {
                present = true;
            } else {
                timer.cancel();
            }
        }
        if (!present) {
            timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(wanted, true));
            LOG.info(() -> "Housekeeping scheduled every " + interval);
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the run record must survive a failed run
    void run(Timer timer) {
        long run = runs.start(TASK, node);
        try {
            runs.succeeded(run, housekeeping.purgeExpired());
        } catch (RuntimeException e) {
            runs.failed(run, e.getMessage());
            LOG.warning(() -> "Housekeeping failed: " + e.getMessage());
        }
    }
}
