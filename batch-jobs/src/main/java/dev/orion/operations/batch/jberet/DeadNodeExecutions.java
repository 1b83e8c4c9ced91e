package dev.orion.operations.batch.jberet;

import dev.orion.platform.cluster.NodeDeclaredDead;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/** When a server is declared dead, the job executions it left running become FAILED, restartable on any server. */
@ApplicationScoped
public class DeadNodeExecutions {

    private static final Logger LOG = Logger.getLogger(DeadNodeExecutions.class.getName());

    @EJB
    InterruptedExecutions executions;

    void failItsExecutions(@Observes NodeDeclaredDead dead) {
        int failed = executions.failRunningOf(dead.node());
        LOG.warning(() -> "Server " + dead.node() + " is taken for dead: " + failed
                + " of its job executions marked FAILED (restartable)");
    }
}
