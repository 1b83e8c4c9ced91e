package dev.orion.operations.cluster.fencing;

import dev.orion.operations.cluster.ClusterNodes;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.AbstractItemWriteListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;

/**
 * The write fence of a chunk step (a listener in the job XML, with the execution's {@code orion.node} and
 * {@code orion.epoch} parameters): after the writer and before the commit, in the chunk's own transaction, the
 * execution's server must still hold the epoch it was started under, or the chunk throws and rolls back. The check
 * takes a key-share lock on the server's membership row until the commit, so no survivor can claim the server between
 * the check and the commit; a server already claimed finds its epoch gone and writes nothing.
 */
@Named
@Dependent
public class WriteFence extends AbstractItemWriteListener {

    private static final Logger LOG = Logger.getLogger(WriteFence.class.getName());

    @Inject
    @BatchProperty
    String node;

    @Inject
    @BatchProperty
    String epoch;

    @Inject
    JobContext job;

    @EJB
    ClusterNodes nodes;

    @Override
    public void afterWrite(List<Object> items) {
        if (epoch == null || epoch.isBlank() || node == null || node.isBlank()) {
            return; // started before fencing existed: nothing to check against
        }
        if (!nodes.holds(node, Long.parseLong(epoch))) {
            String message = "Job " + job.getJobName() + " execution " + job.getExecutionId() + " was fenced: server " + node
                    + " no longer holds epoch " + epoch + " (another server took it for dead); its chunk is rolled back";
            LOG.warning(message);
            throw new ExecutionFencedException(message);
        }
    }
}
