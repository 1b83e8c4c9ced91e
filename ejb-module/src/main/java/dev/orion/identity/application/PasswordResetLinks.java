package dev.orion.identity.application;

import dev.orion.notifications.application.SecretLinkMinter;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Makes the password reset (and invitation) link when its email is sent: a fresh token whose hash replaces the
 * row's, committed at once (its own transaction) so the link works the moment the relay has the email. Each
 * delivery attempt makes a new token, so a link from an attempt that did not end SENT stops working; a token
 * already used or expired is not renewed, and the email then points to the "forgot password" page.
 */
@Stateless
public class PasswordResetLinks implements SecretLinkMinter {

    static final String KIND = "password-reset";

    @PersistenceContext
    EntityManager em;

    @EJB
    PasswordResets resets;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> mint(long ref) {
        String token = PasswordResets.newToken();
        int renewed = em.createNativeQuery("UPDATE password_reset_tokens SET token_hash = ?1"
                        + " WHERE id = ?2 AND used_at IS NULL AND expires_at > now()")
                .setParameter(1, PasswordResets.sha256(token)).setParameter(2, ref).executeUpdate();
        return renewed == 1 ? Optional.of(resets.link(token)) : Optional.empty();
    }

    @Override
    public String fallbackLink() {
        return resets.consoleUrl() + "/forgot-password.xhtml";
    }
}
