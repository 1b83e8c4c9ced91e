package dev.orion.operations.scheduling;

import dev.orion.platform.cluster.NodeDeclaredDead;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * When a server is declared dead, the schedule runs it left RUNNING become FAILED and the timer firings it held are
 * given back, so the schedules' next firings run on the survivors.
 */
@ApplicationScoped
public class DeadNodeScheduleRuns {

    private static final Logger LOG = Logger.getLogger(DeadNodeScheduleRuns.class.getName());

    @EJB
    ScheduleRuns runs;

    @EJB
    ScheduleTimers timers;

    void failItsRuns(@Observes NodeDeclaredDead dead) {
        int failed = runs.failRunsOfDeadNode(dead.node());
        if (failed > 0) {
            LOG.warning(() -> "Server " + dead.node() + " is taken for dead: " + failed + " of its schedule runs marked FAILED");
        }
        // after the runs: a survivor that claims a released firing at once must not find the dead server's run still going
        int released = timers.releaseFiringsOf(dead.node());
        if (released > 0) {
            LOG.warning(() -> "Server " + dead.node() + " is taken for dead: " + released + " timer firing(s) it held in the timer store released");
        }
    }
}
