package dev.orion.billing.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.billing.application.SubscriptionAdministration;
import dev.orion.billing.application.SubscriptionView;
import dev.orion.billing.domain.Subscription;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.console.AdminMessages;
import dev.orion.platform.console.VendorMenu;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import dev.orion.platform.console.DatabasePage;
import org.primefaces.model.LazyDataModel;

/** The subscriptions page (ADMIN): start a vendor's subscription, change its plan or price, cancel it. */
@Named
@ViewScoped
public class SubscriptionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SubscriptionAdministration administration;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleActor actor;

    private Long vendorFilter;
    private final LazyDataModel<SubscriptionView> subscriptions = new DatabasePage<>(() -> administration.count(vendorFilter), (first, size) -> administration.page(vendorFilter, first, size), subscription -> subscription.id());

    private Long editingId;
    private Long vendorId;
    private Subscription.Plan plan = Subscription.Plan.STARTER;
    private Subscription.Period period = Subscription.Period.MONTHLY;
    private BigDecimal price;
    private String currency = "EUR";
    private LocalDate start;

    public void startNew() {
        editingId = null;
        vendorId = vendorFilter;
        plan = Subscription.Plan.STARTER;
        period = Subscription.Period.MONTHLY;
        price = null;
        currency = "EUR";
        start = LocalDate.now();
    }

    public void edit(SubscriptionView subscription) {
        editingId = subscription.id();
        vendorId = subscription.vendorId();
        plan = subscription.plan();
        period = subscription.period();
        price = subscription.price();
        currency = subscription.currency();
        start = subscription.periodStart();
    }

    public void save() {
        try {
            if (editingId == null) {
                administration.create(actor.get(), vendorId, plan, period, price, currency, start);
                AdminMessages.info("subscription.created", vendorName(vendorId));
            } else {
                administration.changePlan(actor.get(), editingId, plan, price, currency);
                AdminMessages.info("subscription.saved", vendorName(vendorId));
            }
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "subscription-form");
        }
    }

    public void cancel(SubscriptionView subscription) {
        administration.cancel(actor.get(), subscription.id());
        AdminMessages.info("subscription.cancelled", vendorName(subscription.vendorId()));
    }

    public String vendorName(Long id) {
        return vendorChoices.name(id);
    }

    public boolean isEditing() { return editingId != null; }
    public Subscription.Plan[] getPlans() { return Subscription.Plan.values(); }
    public Subscription.Period[] getPeriods() { return Subscription.Period.values(); }
    public LazyDataModel<SubscriptionView> getSubscriptions() { return subscriptions; }
    public Long getVendorFilter() { return vendorFilter; }
    public void setVendorFilter(Long vendorFilter) { this.vendorFilter = vendorFilter; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public Subscription.Plan getPlan() { return plan; }
    public void setPlan(Subscription.Plan plan) { this.plan = plan; }
    public Subscription.Period getPeriod() { return period; }
    public void setPeriod(Subscription.Period period) { this.period = period; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getStart() { return start; }
    public void setStart(LocalDate start) { this.start = start; }
}
