package dev.orion.platform.persistence;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;

/**
 * Around every EJB of Orion (the default interceptor of both EJB modules, META-INF/ejb-jar.xml): a failure that
 * means the database is out ({@link DatabaseOutage}) is reported once to {@link DatabaseAvailability} and becomes a
 * {@link DatabaseUnavailableException}. That is an application exception, so the container no longer logs an
 * ERROR with a stack trace for every call during an outage; the transaction still rolls back, and a message
 * driven bean's message goes back to its queue and is redelivered later. A timer firing that fails for that reason
 * is skipped, as if it had been missed: the next firing finds the work still waiting in the database.
 */
public class DatabaseOutageInterceptor {

    @Inject
    DatabaseAvailability availability;

    @AroundInvoke
    public Object call(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (Exception e) {
            if (DatabaseOutage.causedBy(e)) {
                availability.unreachable(e);
                throw new DatabaseUnavailableException();
            }
            throw e;
        }
    }

    @AroundTimeout
    public Object fire(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception e) {
            if (DatabaseOutage.causedBy(e)) {
                availability.unreachable(e);
                return null; // skipped: its transaction was rolled back, and nothing it did is lost
            }
            throw e;
        }
    }
}
