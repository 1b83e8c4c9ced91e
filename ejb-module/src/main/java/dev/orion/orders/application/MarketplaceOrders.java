package dev.orion.orders.application;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.ProductView;
import dev.orion.catalog.application.SoldStock;
import dev.orion.platform.domain.Money;
import dev.orion.orders.domain.Order;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.orders.domain.StatusChange;
import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.IssueCode;
import dev.orion.platform.imports.RowWarning;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records orders a marketplace took, in the caller's (the import chunk's) transaction: each new order with its
 * customer and lines, CONFIRMED (the marketplace was paid), its stock taken and its confirmation email
 * enqueued. An order whose marketplace id the vendor already has is left alone, so re-reading a feed, or a
 * restarted import re-reading a chunk, takes stock once and emails once.
 */
@Stateless
public class MarketplaceOrders {

    static final String ACTOR = "order-import";

    /** The reason of the stock movements an imported order took: cancelling it gives back exactly those. */
    static String stockReason(String externalId) {
        return "marketplace order " + externalId;
    }
    /** First key of the advisory lock that serialises one vendor's order imports (the second is the vendor). */
    private static final int IMPORT_LOCK = 0x0DE5;

    @PersistenceContext
    EntityManager em;

    @Inject
    ProductCatalog catalog;

    @Inject
    CustomerDirectory customers;

    @Inject
    OrderConfirmationMailer confirmations;

    @Inject
    OrderEvents events;

    @EJB
    ImportIssues issues;

    /** Whether the vendor already has this marketplace order (a re-read feed), so the import can pass it by. */
    public boolean known(long vendorId, String externalId) {
        return !existing(vendorId, List.of(externalId)).isEmpty();
    }

    /** @return how many of the orders were new */
    public int record(long vendorId, long jobInstanceId, List<MarketplaceOrder> orders) {
        // two imports of one vendor must not both decide an order is new; the lock ends with the transaction
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1, ?2)) AS locked")
                .setParameter(1, IMPORT_LOCK).setParameter(2, (int) vendorId).getSingleResult();
        Set<String> seen = new HashSet<>(existing(vendorId, orders.stream().map(MarketplaceOrder::externalId).toList()));
        int created = 0;
        for (MarketplaceOrder order : orders) {
            if (seen.add(order.externalId())) {
                place(vendorId, jobInstanceId, order);
                created++;
            }
        }
        return created;
    }

    private void place(long vendorId, long jobInstanceId, MarketplaceOrder imported) {
        Map<String, Integer> quantities = imported.lines().stream()
                .collect(Collectors.toMap(MarketplaceOrder.Line::sku, MarketplaceOrder.Line::quantity, Integer::sum));
        SoldStock stock = catalog.takeSold(vendorId, quantities, stockReason(imported.externalId()), ACTOR);
        var customer = customers.findOrCreate(vendorId, imported.customerEmail(), imported.customerName(), imported.customerLocale());
        var order = Order.placedOnMarketplace(customer, imported.currency(), imported.externalId(), imported.placedAt());
        for (MarketplaceOrder.Line line : imported.lines()) {
            ProductView product = stock.products().get(line.sku());
            order.addLine(product == null ? null : product.id(), line.sku(), line.title(), line.quantity(),
                    new Money(line.unitPrice(), imported.currency()));
        }
        order.moveTo(OrderStatus.CONFIRMED, null);
        em.persist(order);
        em.flush();
        em.persist(new StatusChange(order.getId(), null, OrderStatus.CONFIRMED, ACTOR));
        events.created(order);
        confirmations.enqueue(order);
        imported.warnings().forEach(w -> issues.warned(jobInstanceId, vendorId, w));
        quantities.keySet().stream().sorted().forEach(sku -> {
            if (!stock.products().containsKey(sku)) {
                issues.warned(jobInstanceId, vendorId, new RowWarning(imported.line(), "sku", sku, IssueCode.UNKNOWN_SKU,
                        "SKU not in the catalogue: the order line is kept without a product and no stock was taken"));
            } else if (stock.shortBy().containsKey(sku)) {
                issues.warned(jobInstanceId, vendorId, new RowWarning(imported.line(), "quantity", quantities.get(sku).toString(), IssueCode.OVERSOLD,
                        "oversold: stock ran out " + stock.shortBy().get(sku) + " unit(s) short and is now 0"));
            }
        });
    }

    private List<String> existing(long vendorId, List<String> externalIds) {
        return em.createQuery("SELECT o.externalId FROM Order o WHERE o.vendorId = :vendor AND o.externalId IN :ids", String.class)
                .setParameter("vendor", vendorId).setParameter("ids", externalIds).getResultList();
    }
}
