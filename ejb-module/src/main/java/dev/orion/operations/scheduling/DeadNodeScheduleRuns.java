package dev.orion.operations.scheduling;

import dev.orion.platform.cluster.NodeDeclaredDead;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** When a server is declared dead, the schedule runs it left RUNNING become FAILED, so their next firings run. */
@ApplicationScoped
public class DeadNodeScheduleRuns {

    private static final Logger LOG = Logger.getLogger(DeadNodeScheduleRuns.class.getName());

    @EJB
    ScheduleRuns runs;

    void failItsRuns(@Observes NodeDeclaredDead dead) {
        int failed = runs.failRunsOfDeadNode(dead.node());
        if (failed > 0) {
            LOG.warning(() -> "Server " + dead.node() + " is taken for dead: " + failed + " of its schedule runs marked FAILED");
        }
    }
}
