package dev.orion.platform.imports;

import dev.orion.platform.DomainException;
import jakarta.ejb.ApplicationException;

/**
 * A feed named by URL could not be fetched; nothing was imported. The message is what the tenant may read; a
 * failed fetch says only {@link #NOT_FETCHED} (never a status code, nor refused versus timed out: no port-scan
 * oracle), and keeps the real reason in {@link #operatorReason()} for the server log.
 */
@ApplicationException // rollback = false, unlike DomainException: the caller's transaction goes on
public class FeedUnavailableException extends DomainException {

    /** All a tenant learns of a failed fetch, however it failed. */
    public static final String NOT_FETCHED = "The feed could not be fetched from its URL. Nothing was imported.";

    private final String operatorReason;

    /** A URL refused as it stands (not http or https, no host): the message tells the tenant what to fix. */
    public FeedUnavailableException(String message) {
        super(422, "feed-unavailable", "Feed unavailable", message);
        this.operatorReason = message;
    }

    private FeedUnavailableException(String message, String operatorReason) {
        super(422, "feed-unavailable", "Feed unavailable", message, false); // an expected outcome: the operator's log line says it all, no stack trace
        this.operatorReason = operatorReason;
    }

    /** A fetch that failed for {@code reason}, which only operators see. */
    public static FeedUnavailableException notFetched(String reason) {
        return new FeedUnavailableException(NOT_FETCHED, reason);
    }

    public String operatorReason() {
        return operatorReason;
    }
}
