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
}
