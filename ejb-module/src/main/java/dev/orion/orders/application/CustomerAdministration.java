package dev.orion.orders.application;

import dev.orion.orders.domain.Customer;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Customers as administrators manage them (orders create most customers): list, create, edit, deactivate; audited. */
@Stateless
public class CustomerAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /** @param vendorId null for every vendor; @param search a part of the email or name, or null */
    public List<CustomerView> page(Long vendorId, String search, int first, int max) {
        return where(em.createQuery("SELECT c FROM Customer c" + clause(vendorId, search) + " ORDER BY c.active DESC, c.email, c.id",
                Customer.class), vendorId, search).setFirstResult(first).setMaxResults(max).getResultStream().map(CustomerView::of).toList();
    }

    public long count(Long vendorId, String search) {
        return where(em.createQuery("SELECT count(c) FROM Customer c" + clause(vendorId, search), Long.class), vendorId, search).getSingleResult();
    }

    public CustomerView create(Actor who, Long vendorId, String email, String name, String locale) {
        if (vendorId == null) {
            throw new InvalidFieldException("vendor", "customer.error.vendor", "Choose the vendor");
        }
        String trimmed = email == null ? "" : email.strip();
        if (!em.createQuery("SELECT c.id FROM Customer c WHERE c.vendorId = :vendor AND c.email = :email", Long.class)
                .setParameter("vendor", vendorId).setParameter("email", trimmed).getResultList().isEmpty()) {
            throw new InvalidFieldException("email", "customer.error.emailTaken", "This vendor already has a customer with this email");
        }
        var customer = InvalidFieldException.check("email", "customer.error.email", () -> new Customer(vendorId, trimmed, name, "en"));
        InvalidFieldException.check("name", "customer.error.name", () -> customer.rename(name));
        InvalidFieldException.check("locale", "customer.error.locale", () -> customer.changeLocale(locale));
        em.persist(customer);
        em.flush();
        audit.record(who, vendorId, "customer.create", "customer", customer.getId(), customer.getEmail());
        return CustomerView.of(customer);
    }

    public CustomerView update(Actor who, long customerId, String name, String locale) {
        Customer customer = require(customerId);
        InvalidFieldException.check("name", "customer.error.name", () -> customer.rename(name));
        InvalidFieldException.check("locale", "customer.error.locale", () -> customer.changeLocale(locale));
        audit.record(who, customer.getVendorId(), "customer.update", "customer", customerId, null);
        return CustomerView.of(customer);
    }

    public void deactivate(Actor who, long customerId) {
        Customer customer = require(customerId);
        customer.deactivate();
        audit.record(who, customer.getVendorId(), "customer.deactivate", "customer", customerId, customer.getEmail());
    }

    private Customer require(long customerId) {
        Customer customer = em.find(Customer.class, customerId);
        if (customer == null) {
            throw new IllegalArgumentException("No customer " + customerId);
        }
        return customer;
    }

    private static String clause(Long vendorId, String search) {
        var parts = new java.util.ArrayList<String>();
        if (vendorId != null) parts.add("c.vendorId = :vendor");
        if (search != null && !search.isBlank()) parts.add("(lower(c.email) LIKE :search OR lower(c.fullName) LIKE :search)");
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static <T> TypedQuery<T> where(TypedQuery<T> query, Long vendorId, String search) {
        if (vendorId != null) query.setParameter("vendor", vendorId);
        if (search != null && !search.isBlank()) {
            query.setParameter("search", "%" + search.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        return query;
    }
}
