package dev.orion.operations.scheduling;

import dev.orion.platform.scheduling.ScheduledTask;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.observability.Correlation;
import dev.orion.platform.observability.ErrorTracking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.NoMoreTimeoutsException;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import dev.orion.platform.cluster.NodeLease;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The persistent EJB timers behind the schedules. A timer's info is {@code schedule:<id>:<revision>}; only the
 * timer of a schedule's current revision runs its task, and a stale one cancels itself when it fires. Timers
 * live in the database timer store, so with several servers each firing happens on one of them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScheduleTimers {

    private static final Logger LOG = Logger.getLogger(ScheduleTimers.class.getName());
    private static final String PREFIX = "schedule:";

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    @PersistenceContext
    EntityManager em;

    @EJB
    ScheduleRuns runs;

    @Inject
    @Any
    Instance<ScheduledTask> tasks;

    @Inject
    MeterRegistry meters;

    @Inject
    NodeLease lease;

    @Inject
    @ConfigProperty(name = "jboss.node.name", defaultValue = "orion")
    String node;

    /**
     * Reconciled after start-up, not during it: a persistent timer can fire while this bean is being deployed,
     * and the timer service would wait for the bean while the bean waits for the timer.
     */
    @PostConstruct
    void start() {
        context.getBusinessObject(ScheduleTimers.class).reconcileAll();
    }

    @Asynchronous
    public void reconcileAll() {
        int interrupted = runs.failInterrupted(node);
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " schedule run(s) of node " + node + " were interrupted by a stop and are marked FAILED");
        }
        List<Long> ids = em.createQuery("SELECT s.id FROM Schedule s ORDER BY s.id", Long.class).getResultList();
        for (long id : ids) {
            context.getBusinessObject(ScheduleTimers.class).reconcile(id);
        }
    }

    /**
     * Gives the schedule the timer of its current revision, unless that was done already (by this node or
     * another: the schedule row says so, under its lock), and cancels the timers of older revisions this node sees.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reconcile(long scheduleId) {
        Schedule schedule = em.find(Schedule.class, scheduleId, LockModeType.PESSIMISTIC_WRITE);
        if (schedule != null && schedule.getTimerRevision() != schedule.getRevision()) {
            install(schedule);
        }
    }

    /** Called in the transaction that changed the schedule: the new timer commits with the change. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void install(Schedule schedule) {
        for (Timer timer : timers.getTimers()) {
            if (String.valueOf(timer.getInfo()).startsWith(PREFIX + schedule.getId() + ":")) {
                timer.cancel();
            }
        }
        OffsetDateTime next = null;
        if (schedule.isEnabled()) {
            Timer timer = timers.createCalendarTimer(schedule.settings().expression(),
                    new TimerConfig(PREFIX + schedule.getId() + ":" + schedule.getRevision(), true));
            next = nextOf(timer);
        }
        schedule.timerInstalled(next);
        LOG.info(() -> "Schedule " + schedule.getName() + (schedule.isEnabled() ? " fires next at " + schedule.getNextRunAt() : " is paused"));
    }

    /**
     * Gives back the firings a server taken for dead was holding in the database timer store. WildFly claims a
     * firing by setting the timer's row to {@code IN_TIMEOUT} (or {@code RETRY_TIMEOUT}) under its node name, and no
     * other server fires that timer until the claimer writes it back; it resets such rows itself only when it starts
     * again under the same name. So a server paused or killed inside a firing stopped the schedule on every server for
     * as long as it stayed away (for ever, for one that never comes back). Set {@code ACTIVE} with no owner, the row is
     * the survivors' to claim at their next firing time ({@code NEXT_DATE} is already the next one). A row still locked
     * by the dead server's own transaction (paused in the middle of claiming) is skipped, not waited for: this runs in
     * the survivor's heartbeat. A run the dead server started is failed beside this ({@link ScheduleRuns}), and if it
     * goes on after all, the write of its end leaves a row another server holds alone ({@code NODE_NAME} is checked).
     *
     * @return how many timer rows were released
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseFiringsOf(String deadNode) {
        return em.createNativeQuery("UPDATE public.jboss_ejb_timer SET timer_state = 'ACTIVE', node_name = NULL WHERE id IN"
                        + " (SELECT id FROM public.jboss_ejb_timer WHERE node_name = ?1 AND timer_state IN ('IN_TIMEOUT', 'RETRY_TIMEOUT')"
                        + " FOR UPDATE SKIP LOCKED)")
                .setParameter(1, deadNode)
                .executeUpdate();
    }

    /**
     * The next {@code count} times the expression fires, as the timer service itself computes them: each is
     * read from a transient timer that is cancelled at once (in this transaction, so it never exists). An
     * expression the timer service refuses is an {@link InvalidRequestException}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<OffsetDateTime> preview(ScheduleChange settings, int count) {
        List<OffsetDateTime> times = new ArrayList<>();
        Date after = new Date();
        for (int i = 0; i < count; i++) {
            Timer probe;
            try {
                probe = timers.createCalendarTimer(settings.expression().start(after), new TimerConfig("preview", false));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Invalid calendar expression: " + e.getMessage());
            }
            try {
                Date next = probe.getNextTimeout();
                times.add(next.toInstant().atOffset(ZoneOffset.UTC));
                after = new Date(next.getTime() + 1000);
            } catch (NoMoreTimeoutsException e) {
                break;
            } finally {
                probe.cancel();
            }
        }
        return times;
    }

    /**
     * The first calendar field the timer service refuses, each tried on its own with every other field "*",
     * with the service's reason; empty when each field is valid by itself. Its own transaction, so a refusal
     * never marks the caller's for rollback.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<java.util.Map.Entry<String, String>> refusedField(ScheduleChange settings) {
        var fields = new java.util.LinkedHashMap<String, ScheduleExpression>();
        fields.put("second", any().second(settings.second()));
        fields.put("minute", any().minute(settings.minute()));
        fields.put("hour", any().hour(settings.hour()));
        fields.put("dayOfMonth", any().dayOfMonth(settings.dayOfMonth()));
        fields.put("month", any().month(settings.month()));
        fields.put("dayOfWeek", any().dayOfWeek(settings.dayOfWeek()));
        fields.put("year", any().year(settings.year()));
        for (var field : fields.entrySet()) {
            try {
                timers.createCalendarTimer(field.getValue().timezone(settings.timeZone()), new TimerConfig("probe", false)).cancel();
            } catch (IllegalArgumentException e) {
                return java.util.Optional.of(java.util.Map.entry(field.getKey(), String.valueOf(e.getMessage())));
            }
        }
        return java.util.Optional.empty();
    }

    private static ScheduleExpression any() {
        return new ScheduleExpression().second("*").minute("*").hour("*").dayOfMonth("*").month("*").dayOfWeek("*").year("*");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the run's record must survive a failed task
    void fire(Timer timer) {
        String info = String.valueOf(timer.getInfo());
        if (!info.startsWith(PREFIX)) {
            return;
        }
        if (!lease.mayWork()) {
            // taken for dead, or not sure it is not (a long pause): another server may run this firing; NodeHeartbeat
            // logs the fencing, and the schedule's next firing runs once this server has rejoined (or elsewhere)
            LOG.info(() -> "Firing of " + info + " skipped: this server does not hold its cluster lease now");
            return;
        }
        Correlation.set(Correlation.create()); // this firing's log lines, and what its task queues, share one id
        try {
            String[] parts = info.substring(PREFIX.length()).split(":");
            var claim = runs.claimFiring(Long.parseLong(parts[0]), Long.parseLong(parts[1]), nextOf(timer), node);
            if (claim.staleTimer()) {
                LOG.fine(() -> "Cancelling stale timer " + info);
                timer.cancel();
                return;
            }
            String outcome = claim.runId().map(run -> execute(run, claim.task(), claim.parameters())).orElse("SKIPPED");
            firings(claim.task(), outcome).increment();
        } finally {
            Correlation.clear();
        }
    }

    private Counter firings(String task, String outcome) {
        return meters.counter("orion.schedule.firings", "task", task == null ? "unknown" : task, "outcome", outcome);
    }

    /** Runs a claimed run's task here and records how it ended; returns SUCCEEDED or FAILED. */
    String execute(long runId, String taskName, String parameters) {
        try {
            ScheduledTask task = tasks.stream().filter(t -> t.name().equals(taskName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No task called " + taskName));
            runs.finish(runId, "SUCCEEDED", task.run(ScheduleParameters.parse(parameters)));
            return "SUCCEEDED";
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled task " + taskName + " failed", e);
            ErrorTracking.report(e, "schedule", java.util.Map.of("task", String.valueOf(taskName)));
            runs.finish(runId, "FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return "FAILED";
        }
    }

    /** Runs a manually claimed run in the background. */
    @Asynchronous
    public void executeLater(long runId, String taskName, String parameters) {
        execute(runId, taskName, parameters);
    }

    private static OffsetDateTime nextOf(Timer timer) {
        try {
            return timer.getNextTimeout().toInstant().atOffset(ZoneOffset.UTC);
        } catch (NoMoreTimeoutsException | IllegalStateException e) {
            return null;
        }
    }
}
