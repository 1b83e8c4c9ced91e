package dev.orion.operations.cluster.fencing;

/**
 * A chunk of a job execution whose server no longer holds the epoch the execution runs under: another server took
 * this one for dead and may already run the restarted execution. Thrown in the chunk's transaction, so the chunk
 * rolls back and the step fails.
 */
public class ExecutionFencedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExecutionFencedException(String message) {
        super(message, null, false, false); // an expected refusal: the one log line is the message
    }
}
