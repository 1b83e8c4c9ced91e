package dev.orion.platform.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Records writes in the caller's transaction: a change and its audit entry commit or vanish together. */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    public void record(Actor who, Long vendorId, String action, String entityType, Object entityId, String details) {
        em.persist(new AuditEntry(who, vendorId, action, entityType, entityId == null ? null : entityId.toString(), details));
    }
}
