package dev.orion.platform.persistence;

import dev.orion.platform.DomainException;

/**
 * The database cannot be reached: the API answers 503 {@code …/unavailable} with {@code Retry-After}, the console
 * its "temporarily unavailable" page. An application exception (as every {@link DomainException}), so the EJB
 * container neither logs it with a stack trace on every call nor discards the bean; the transaction rolls back,
 * which hands a JMS message back to its queue for redelivery. {@link DatabaseAvailability} logs the outage once.
 */
public class DatabaseUnavailableException extends DomainException {

    /** Seconds a client is asked to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException() {
        super(503, "unavailable", "Service unavailable",
                "The service is temporarily unavailable (its database cannot be reached); retry shortly", false);
    }
}
