package dev.orion.platform.batch;

import dev.orion.platform.jobs.JobCapacity;
import dev.orion.platform.jobs.JobExecutionView;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * The first step of every job ({@code <kind>-admission}): takes a slot of the job's kind on this server
 * ({@link JobSlots}) and lets the job go on ({@code ADMITTED@node}), or ends the execution as QUEUED so it holds no
 * batch thread while it waits; the job XML stops it with {@code restart} pointing back here, and a server with a
 * free slot restarts it (operations' QueuedExecutions). See {@link JobCapacity}.
 */
@Named
@Dependent
public class JobAdmission extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(JobAdmission.class.getName());

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @EJB
    JobSlots slots;

    @Override
    public String process() {
        var capacity = JobCapacity.ofConfig();
        String node = node();
        if (slots.admit(job.getExecutionId(), step.getStepName(), node, capacity)) {
            return JobCapacity.admittedOn(node);
        }
        String kind = JobCapacity.kindOf(step.getStepName());
        LOG.info(() -> "Job " + job.getJobName() + " execution " + job.getExecutionId() + " QUEUED: "
                + (capacity.batchEnabled() ? "all " + capacity.slotsHere(kind) + " " + kind + " slot(s) of this server are taken"
                : "this server runs no batch work (ORION_BATCH_ENABLED=false)") + "; it starts when a slot frees");
        return JobExecutionView.QUEUED;
    }

    /** This server's name, as the job parameters and the cluster know it. */
    public static String node() {
        return System.getProperty("jboss.node.name", "orion");
    }
}
