package dev.orion.notifications.application;

import dev.orion.notifications.domain.OutboxEmail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Records a failed delivery attempt in its own transaction, so it survives the rollback that triggers redelivery. */
@Stateless
public class EmailAttempts {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long outboxId, String error) {
        OutboxEmail email = em.find(OutboxEmail.class, outboxId);
        if (email != null) {
            email.recordAttempt(error);
        }
    }
}
