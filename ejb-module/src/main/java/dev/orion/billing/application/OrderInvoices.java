package dev.orion.billing.application;

import dev.orion.billing.domain.Invoice;
import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.orders.application.OrderService;
import dev.orion.orders.application.OrderView;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.vendors.application.VendorSummary;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import dev.orion.events.application.EventLog;
import dev.orion.events.application.EventTypes;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Invoices orders: one invoice per sold order, numbered without gaps per vendor and year, its PDF kept in
 * storage and emailed to the customer as an attachment, and the issue recorded in the audit log, all in one
 * transaction.
 */
@Stateless
public class OrderInvoices {

    private static final Set<String> INVOICEABLE = Set.of("CONFIRMED", "SHIPPED", "DELIVERED");

    @PersistenceContext
    EntityManager em;

    @EJB
    OrderService orders;

    @Inject
    VendorDirectory vendors;

    @Inject
    InvoiceNumbers numbers;

    @Inject
    InvoiceFiles files;

    @Inject
    VatRates vatRates;

    @Inject
    EmailQueue emails;

    @Inject
    AuditLog audit;

    @Inject
    EventLog events;

    /** What issuing found: the invoice, and whether this call issued it (false: it already existed). */
    public record Issued(InvoiceView invoice, boolean created) {
    }

    /** The order's invoice, issued and emailed now if it has none; empty if the vendor has no such order. */
    public Optional<Issued> issue(Actor who, long vendorId, long orderId) {
        Optional<OrderView> found = orders.find(vendorId, orderId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OrderView order = found.get();
        Optional<InvoiceView> existing = find(vendorId, orderId);
        if (existing.isPresent()) {
            return Optional.of(new Issued(existing.get(), false));
        }
        if (!INVOICEABLE.contains(order.status())) {
            throw new NotInvoiceableException(orderId, order.status());
        }
        VendorSummary vendor = vendors.find(vendorId).orElseThrow();
        BigDecimal rate = vatRates.of(vendorId);
        BigDecimal vat = VatRates.includedIn(order.total(), rate);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String series = InvoiceNumbers.vendorSeries(vendorId);
        var invoice = Invoice.forOrder(vendorId, series, vendor.code(), orderId, today, numbers.next(series, today.getYear()),
                order.total().subtract(vat), vat, order.currency());
        em.persist(invoice);
        em.flush();
        InvoiceView view = InvoiceView.of(invoice);
        files.store(view, out -> InvoicePdf.write(view, vendor.name(), rate, order, out));
        emails.enqueue(invoiceEmail(view, vendor, order));
        audit.record(who, vendorId, "invoice.issue", "invoice", view.id(), view.number());
        events.record(vendorId, EventTypes.ORDER_INVOICED, invoicedEvent(view, order));
        return Optional.of(new Issued(view, true));
    }

    /** {@code order.invoiced}'s data (docs/webhooks.md): the order and the invoice issued for it. */
    private static java.util.Map<String, Object> invoicedEvent(InvoiceView invoice, OrderView order) {
        var invoiceData = new LinkedHashMap<String, Object>();
        invoiceData.put("id", invoice.id());
        invoiceData.put("number", invoice.number());
        invoiceData.put("issued_on", invoice.issuedOn().toString());
        invoiceData.put("net", invoice.net().toPlainString());
        invoiceData.put("vat", invoice.vat().toPlainString());
        invoiceData.put("total", invoice.total().toPlainString());
        invoiceData.put("currency", invoice.currency());
        var orderData = new LinkedHashMap<String, Object>();
        orderData.put("id", order.id());
        orderData.put("status", order.status());
        var data = new LinkedHashMap<String, Object>();
        data.put("order", orderData);
        data.put("invoice", invoiceData);
        return data;
    }

    public Optional<InvoiceView> find(long vendorId, long orderId) {
        return em.createQuery("SELECT i FROM Invoice i WHERE i.vendorId = :vendor AND i.orderId = :order", Invoice.class)
                .setParameter("vendor", vendorId).setParameter("order", orderId)
                .getResultStream().findFirst().map(InvoiceView::of);
    }

    public InputStream open(InvoiceView invoice) {
        return files.open(invoice);
    }

    private EmailRequest invoiceEmail(InvoiceView invoice, VendorSummary vendor, OrderView order) {
        var model = new LinkedHashMap<String, Object>();
        model.put("invoiceNumber", invoice.number());
        model.put("orderId", order.id());
        model.put("customerName", order.customerName());
        model.put("total", invoice.total().toPlainString() + " " + invoice.currency());
        model.put("vendorName", vendor.name());
        return new EmailRequest("invoice", order.customerLocale(), order.customerEmail(), model,
                "invoice:" + invoice.id(), List.of(files.attachment(invoice)));
    }
}
