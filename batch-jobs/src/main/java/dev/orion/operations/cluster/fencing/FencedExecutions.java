package dev.orion.operations.cluster.fencing;

import dev.orion.platform.batch.RunningJobs;
import dev.orion.platform.cluster.NodeFenced;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * When this server finds it was taken for dead, it stops every job execution it still runs: a survivor has marked
 * them FAILED and they may already run again elsewhere. Their chunks could not commit anyway ({@link WriteFence});
 * stopping ends them at the next item instead of at the next failed commit.
 */
@ApplicationScoped
public class FencedExecutions {

    private static final Logger LOG = Logger.getLogger(FencedExecutions.class.getName());

    @Inject
    RunningJobs running;

    void stopThem(@Observes NodeFenced fenced) {
        JobOperator operator = BatchRuntime.getJobOperator();
        List<Long> stopped = new ArrayList<>();
        for (long id : running.executionIds()) {
            try {
                operator.stop(id);
                stopped.add(id);
            } catch (RuntimeException e) {
                // already ending, or the repository refuses: its chunks are fenced all the same
                LOG.info(() -> "Job execution " + id + " not stopped: " + e);
            }
        }
        LOG.warning(() -> "Server " + fenced.node() + " was fenced (epoch " + fenced.epoch() + "): stopped job executions "
                + stopped + " that it still ran; they were recovered by another server");
    }
}
