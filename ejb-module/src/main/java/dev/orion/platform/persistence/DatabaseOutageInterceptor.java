package dev.orion.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;

/**
 * Around every EJB of Orion (the default interceptor of both EJB modules, META-INF/ejb-jar.xml): a failure that
 * means the database is out ({@link DatabaseOutage}) is reported once to {@link DatabaseAvailability} and becomes a
 * {@link DatabaseUnavailableException}. That is an application exception, so the container no longer logs an
 * ERROR with a stack trace for every call during an outage; the transaction still rolls back. A message driven
 * bean's transaction is rolled back quietly (the resource adapter would log a thrown exception with its stack
 * trace): its message goes back to the queue and is redelivered later. A timer firing that fails for that reason
 * is skipped, as if it had been missed: the next firing finds the work still waiting in the database.
 */
public class DatabaseOutageInterceptor {

    @Inject
    DatabaseAvailability availability;

    @Resource
    EJBContext context;

    @AroundInvoke
    public Object call(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception e) {
            if (DatabaseOutage.causedBy(e)) {
                availability.unreachable(e);
                if (invocation.getTarget() instanceof jakarta.jms.MessageListener) {
                    context.setRollbackOnly(); // redelivered later, by the broker's redelivery delay
                    return null;
                }
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
