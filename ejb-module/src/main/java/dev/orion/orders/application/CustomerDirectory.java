package dev.orion.orders.application;

import dev.orion.orders.domain.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A vendor's customers are known by email: the first order makes the customer, later ones find it. */
@ApplicationScoped
public class CustomerDirectory {

    @PersistenceContext
    EntityManager em;

    public Customer findOrCreate(long vendorId, String email, String name, String locale) {
        return em.createQuery("SELECT c FROM Customer c WHERE c.vendorId = :vendor AND c.email = :email", Customer.class)
                .setParameter("vendor", vendorId).setParameter("email", email.strip())
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    var created = new Customer(vendorId, email, name, locale);
                    em.persist(created);
                    return created;
                });
    }
}
