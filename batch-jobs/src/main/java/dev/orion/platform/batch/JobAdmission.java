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
 * free slot restarts it (operations' QueuedExecutions). A job for a vendor ({@code vendorId} parameter) also waits
 * while that vendor runs its share of the kind, or has older ones waiting. See {@link JobCapacity}.
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
        Long vendorId = vendorOf(JobParameters.of(job).get(JobExecutionView.VENDOR_PARAMETER));
        if (slots.admit(job.getExecutionId(), step.getStepName(), node, capacity, vendorId)) {
            return JobCapacity.admittedOn(node);
        }
        String kind = JobCapacity.kindOf(step.getStepName());
        String why;
        if (!capacity.batchEnabled()) {
            why = "this server runs no batch work (ORION_BATCH_ENABLED=false); it starts when a server that does has a free slot";
        } else if (!capacity.admits(kind, slots.admitted(step.getStepName(), node))) {
            why = "all " + capacity.slotsHere(kind) + " " + kind + " slot(s) of this server are taken; it starts when a slot frees";
        } else {
            why = "vendor " + vendorId + " runs its share of " + kind + "s (" + capacity.vendorLimit(kind) + " at once) or has older ones"
                    + " waiting; it starts when the vendor's previous one ends";
        }
        LOG.info(() -> "Job " + job.getJobName() + " execution " + job.getExecutionId() + " QUEUED: " + why);
        return JobExecutionView.QUEUED;
    }

    /** The vendor a job works for: its {@code vendorId} parameter when that is a vendor's id (not "all"). */
    static Long vendorOf(String parameter) {
        if (parameter == null || parameter.isBlank() || !parameter.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.valueOf(parameter.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** This server's name, as the job parameters and the cluster know it. */
    public static String node() {
        return System.getProperty("jboss.node.name", "orion");
    }
}
