package dev.orion.events.application;

import dev.orion.events.domain.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finds deliveries still PENDING well past their attempt time, whose queue message is gone (the broker gave up on it
 * while the database was away and it sits in {@code webhooks.DLQ}, or it was lost with a broker's journal), and queues
 * that attempt again. Rows a sender holds are skipped, not waited for; a duplicate message is harmless, as a
 * message names the attempt it is for.
 * <p>
 * A CDI bean, not an EJB: the sweeper calls it on the server's scheduler from the moment the deployment starts, and
 * an EJB called before every startup bean is up waits for them; when the start fails (a refused configuration) that
 * call never returns, and the server's shutdown waits for it for ever.
 */
@ApplicationScoped
@Transactional
public class StuckDeliveries {

    private static final Logger LOG = Logger.getLogger(StuckDeliveries.class.getName());
    /** PostgreSQL's SKIP LOCKED, through Hibernate's lock timeout. */
    private static final int SKIP_LOCKED = -2;

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookQueue queue;

    @Inject
    MeterRegistry meters;

    /** @return how many deliveries were queued again (at most {@code max}, the oldest first) */
    public int requeueOverdue(Duration overdue, int max) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Delivery> stuck = em.createQuery("SELECT d FROM Delivery d WHERE d.status = :pending"
                        + " AND d.nextAttemptAt < :cutoff ORDER BY d.nextAttemptAt", Delivery.class)
                .setParameter("pending", Delivery.Status.PENDING)
                .setParameter("cutoff", now.minus(overdue))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .setMaxResults(max)
                .getResultList();
        for (Delivery delivery : stuck) {
            delivery.requeued(now);
            queue.remind(delivery.getId(), delivery.nextAttempt(), Duration.ZERO);
        }
        if (!stuck.isEmpty()) {
            meters.counter("orion.webhooks.deliveries.requeued").increment(stuck.size());
            LOG.info(() -> stuck.size() + " webhook deliveries were overdue by more than " + overdue
                    + " (their queue message was lost) and are queued again");
        }
        return stuck.size();
    }
}
