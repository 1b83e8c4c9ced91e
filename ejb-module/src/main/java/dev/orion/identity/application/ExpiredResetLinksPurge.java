package dev.orion.identity.application;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/** Password reset links are deleted once expired: an expired link opens nothing, used or not. */
@ApplicationScoped
public class ExpiredResetLinksPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int tokens = em.createNativeQuery("DELETE FROM password_reset_tokens WHERE id IN"
                        + " (SELECT id FROM password_reset_tokens WHERE expires_at < ?1 LIMIT ?2)")
                .setParameter(1, now).setParameter(2, limit).executeUpdate();
        return new Purged(tokens, "expired password reset link(s)");
    }
}
