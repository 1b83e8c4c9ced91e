package dev.orion.billing.application;

import dev.orion.billing.domain.Invoice;
import dev.orion.billing.domain.Subscription;
import dev.orion.identity.application.ConsoleUsers;
import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.vendors.application.VendorSummary;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves subscriptions along at the end of their period, each in a transaction of its own: an active vendor's
 * subscription is renewed and the new period invoiced (the platform's gapless series, PDF in storage, emailed to the vendor's
 * console users); one that cannot be billed (the vendor is inactive) becomes PAST_DUE, and lapses once
 * {@code ORION_SUBSCRIPTION_GRACE} has passed since its period ended.
 */
@Stateless
public class SubscriptionRenewals {

    @PersistenceContext
    EntityManager em;

    @Inject
    VendorDirectory vendors;

    @EJB
    ConsoleUsers users;

    @Inject
    InvoiceNumbers numbers;

    @Inject
    InvoiceFiles files;

    @Inject
    VatRates vatRates;

    @Inject
    EmailQueue emails;

    @Inject
    @ConfigProperty(name = "orion.subscription.grace", defaultValue = "P14D")
    Duration grace;

    /** The subscriptions whose period has ended (active) or whose grace may have run out (past due). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> due(LocalDate today) {
        return em.createQuery("SELECT s.id FROM Subscription s WHERE s.status IN :open AND s.periodEnd <= :today ORDER BY s.id", Long.class)
                .setParameter("open", List.of(Subscription.Status.ACTIVE, Subscription.Status.PAST_DUE))
                .setParameter("today", today).getResultList();
    }

    /** @return what happened, for the run's summary: renewed (with the invoice numbers), past due, lapsed or nothing */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String settle(long subscriptionId, LocalDate today) {
        Subscription subscription = em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
        VendorSummary vendor = vendors.find(subscription.getVendorId()).orElseThrow();
        if (subscription.getStatus() == Subscription.Status.PAST_DUE) {
            if (subscription.getPeriodEnd().plusDays(grace.toDays()).isBefore(today)) {
                subscription.lapse();
                return "lapsed";
            }
            return "past due";
        }
        if (!vendor.active()) {
            subscription.pastDue();
            return "past due";
        }
        List<String> invoiced = new java.util.ArrayList<>();
        while (!subscription.getPeriodEnd().isAfter(today)) { // a server down for a while catches up period by period
            subscription.renew();
            invoiced.add(invoice(subscription, vendor, today));
        }
        return "renewed, invoiced " + String.join(", ", invoiced);
    }

    private String invoice(Subscription subscription, VendorSummary vendor, LocalDate today) {
        BigDecimal vat = VatRates.includedIn(subscription.getPrice(), vatRates.of(vendor.id()));
        var invoice = Invoice.forSubscription(vendor.id(), InvoiceNumbers.PLATFORM, subscription.getId(), today,
                numbers.next(InvoiceNumbers.PLATFORM, today.getYear()), subscription.getPrice().subtract(vat), vat, subscription.getCurrency());
        em.persist(invoice);
        em.flush();
        InvoiceView view = InvoiceView.of(invoice);
        files.store(view, out -> SubscriptionInvoicePdf.write(view, vendor.name(), subscription, out));
        var model = new LinkedHashMap<String, Object>();
        model.put("invoiceNumber", view.number());
        model.put("vendorName", vendor.name());
        model.put("plan", subscription.getPlan().name());
        model.put("periodStart", subscription.getPeriodStart().toString());
        model.put("periodEnd", subscription.getPeriodEnd().toString());
        model.put("total", view.total().toPlainString() + " " + view.currency());
        var pdf = files.attachment(view);
        for (String recipient : users.vendorUserEmails(vendor.id())) {
            emails.enqueue(new EmailRequest("subscription-invoice", vendor.locale(), recipient, model,
                    "invoice:" + view.id() + ":" + recipient, List.of(pdf)).bulk()); // the night's renewals: after every email someone waits for
        }
        return view.number();
    }
}
