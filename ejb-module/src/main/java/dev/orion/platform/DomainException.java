package dev.orion.platform;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/**
 * A refusal the caller is told about: carries its own problem type, HTTP status and title, so the REST layer maps
 * every capability's refusals without knowing them. An application exception, so the container hands it back
 * unwrapped and does not log it as a server error; it rolls the transaction back, as the runtime exceptions it
 * replaced did. A subclass that must leave the transaction alone declares its own {@code @ApplicationException}.
 */
@ApplicationException(inherited = true, rollback = true)
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String problemType;
    private final String title;

    protected DomainException(int status, String problemType, String title, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
    }

    /** For refusals whose message says it all: no stack trace is captured. */
    protected DomainException(int status, String problemType, String title, String message, boolean stackTrace) {
        super(message, null, false, stackTrace);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type URI, e.g. {@code insufficient-stock}. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    /** Members the problem document carries beyond type, title, status and detail, in order (e.g. the SKUs at fault). */
    public Map<String, Object> problemMembers() {
        return Map.of();
    }
}
