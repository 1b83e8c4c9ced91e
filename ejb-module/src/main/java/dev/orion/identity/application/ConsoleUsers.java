package dev.orion.identity.application;

import dev.orion.identity.domain.ConsoleUser;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Console user look-ups (authentication itself is Elytron's, over the same table). */
@Stateless
public class ConsoleUsers {

    @PersistenceContext
    EntityManager em;

    public Optional<ConsoleUser> byEmail(String email) {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE lower(u.email) = lower(:email) AND u.active = true", ConsoleUser.class)
                .setParameter("email", email == null ? "" : email)
                .getResultStream().findFirst();
    }

    /**
     * The security stamp of the user with this email while they may sign in (active, and their vendor, if any,
     * active); empty otherwise. Straight from the database: the session check must see a change at once.
     */
    public Optional<Long> securityStamp(String email) {
        return em.createQuery("SELECT u.securityStamp FROM ConsoleUser u WHERE lower(u.email) = lower(:email) AND u.active = true"
                        + " AND (u.vendorId IS NULL OR EXISTS (SELECT v.id FROM Vendor v WHERE v.id = u.vendorId AND v.active = true))", Long.class)
                .setParameter("email", email == null ? "" : email)
                .getResultStream().findFirst();
    }

    /** The emails of a vendor's own active console users (its admins), for reports sent to the vendor. */
    public java.util.List<String> vendorUserEmails(long vendorId) {
        return em.createQuery("SELECT u.email FROM ConsoleUser u WHERE u.vendorId = :vendor AND u.active = true ORDER BY u.email", String.class)
                .setParameter("vendor", vendorId).getResultList();
    }
}
