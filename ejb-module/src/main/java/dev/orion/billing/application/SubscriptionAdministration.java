package dev.orion.billing.application;

import dev.orion.billing.domain.Subscription;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Vendors' subscriptions as administrators manage them: start one, change its plan or price (billed from the next
 * renewal, which {@link SubscriptionRenewals} does), cancel it; each change audited.
 */
@Stateless
public class SubscriptionAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    VendorDirectory vendors;

    @Inject
    AuditLog audit;

    /** @param vendorId null for every vendor */
    public List<SubscriptionView> page(Long vendorId, int first, int max) {
        var query = em.createQuery("SELECT s FROM Subscription s" + (vendorId == null ? "" : " WHERE s.vendorId = :vendor")
                + " ORDER BY s.id DESC", Subscription.class);
        if (vendorId != null) query.setParameter("vendor", vendorId);
        return query.setFirstResult(first).setMaxResults(max).getResultStream().map(SubscriptionView::of).toList();
    }

    public long count(Long vendorId) {
        var query = em.createQuery("SELECT count(s) FROM Subscription s" + (vendorId == null ? "" : " WHERE s.vendorId = :vendor"), Long.class);
        if (vendorId != null) query.setParameter("vendor", vendorId);
        return query.getSingleResult();
    }

    public SubscriptionView create(Actor who, Long vendorId, Subscription.Plan plan, Subscription.Period period,
                                   BigDecimal price, String currency, LocalDate start) {
        if (vendorId == null || vendors.find(vendorId).isEmpty()) {
            throw new InvalidFieldException("vendor", "subscription.error.vendor", "Choose the vendor");
        }
        var subscription = InvalidFieldException.check("price", "subscription.error.price",
                () -> new Subscription(vendorId, plan, period, price, currency, start == null ? LocalDate.now() : start));
        em.persist(subscription);
        em.flush();
        audit.record(who, vendorId, "subscription.create", "subscription", subscription.getId(), describe(subscription));
        return SubscriptionView.of(subscription);
    }

    public SubscriptionView changePlan(Actor who, long subscriptionId, Subscription.Plan plan, BigDecimal price, String currency) {
        Subscription subscription = require(subscriptionId);
        if (subscription.getStatus() == Subscription.Status.CANCELLED) {
            throw new InvalidFieldException(null, "subscription.error.cancelled", "A cancelled subscription cannot change");
        }
        InvalidFieldException.check("price", "subscription.error.price", () -> subscription.changePlan(plan, price, currency));
        audit.record(who, subscription.getVendorId(), "subscription.change", "subscription", subscriptionId, describe(subscription));
        return SubscriptionView.of(subscription);
    }

    public void cancel(Actor who, long subscriptionId) {
        Subscription subscription = require(subscriptionId);
        subscription.cancel();
        audit.record(who, subscription.getVendorId(), "subscription.cancel", "subscription", subscriptionId, null);
    }

    private Subscription require(long subscriptionId) {
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        if (subscription == null) {
            throw new IllegalArgumentException("No subscription " + subscriptionId);
        }
        return subscription;
    }

    private static String describe(Subscription s) {
        return s.getPlan() + " " + s.getPeriod() + " " + s.getPrice().toPlainString() + " " + s.getCurrency();
    }
}
