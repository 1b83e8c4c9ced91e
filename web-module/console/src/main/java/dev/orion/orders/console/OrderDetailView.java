package dev.orion.orders.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.console.ConsoleCaller;
import dev.orion.orders.application.NoConfirmationException;
import dev.orion.orders.application.OrderListing;
import dev.orion.orders.application.OrderService;
import dev.orion.orders.application.OrderView;
import dev.orion.orders.application.StatusChangeView;
import dev.orion.orders.domain.IllegalTransitionException;
import dev.orion.orders.domain.OrderStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.primefaces.PrimeFaces;

/**
 * One order: customer, lines, timeline, the moves its status allows and the confirmation email (the invoice
 * part of the page is billing's {@code OrderInvoiceView}).
 * Every action goes to the order's own vendor: the user's vendor for VENDOR users, the order's for platform users.
 */
@Named
@ViewScoped
public class OrderDetailView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrderService orders;

    @Inject
    OrderListing listing;

    @Inject
    ConsoleCaller user;

    private Long orderId;
    private Long vendorId;
    private OrderView order;
    private List<StatusChangeView> timeline = List.of();
    private String tracking;

    /** Loads the order named by the request (?id=); another vendor's order is "not found", never shown. */
    @PostConstruct
    void load() {
        orderId = orderIdParameter();
        if (orderId == null) {
            notFound();
            return;
        }
        vendorId = user.isPlatform() ? listing.vendorOf(orderId).orElse(null) : user.getVendorId();
        reload();
        if (order == null) {
            notFound();
        }
    }

    private void reload() {
        Optional<OrderView> found = vendorId == null ? Optional.empty() : orders.find(vendorId, orderId);
        order = found.orElse(null);
        timeline = order == null ? List.of() : orders.timeline(vendorId, orderId);
    }

    private static Long orderIdParameter() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            return id == null ? null : Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void notFound() {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }

    public boolean allows(String status) {
        return order != null && order.allowedTransitions().contains(status);
    }

    public void move(String target) {
        if (order == null || !allows(target)) {
            error("transition.refused", target);
            return;
        }
        try {
            orders.transition(ConsoleActor.of(user), vendorId, orderId, OrderStatus.valueOf(target), tracking);
            info("transition.done", label(target));
            tracking = null;
            PrimeFaces.current().executeScript("PF('shipDialog').hide()");
        } catch (IllegalTransitionException | EJBException | OptimisticLockException e) {
            // a rule the page could not know or a concurrent change: show the order as it is now
            error("transition.failed", label(target));
        }
        reload();
    }

    public void resendConfirmation() {
        try {
            orders.resendConfirmation(ConsoleActor.of(user), vendorId, orderId);
            info("resend.done", order.customerEmail());
        } catch (NoConfirmationException e) {
            error("resend.refused", label(order.status()));
        }
    }

    public String getTitle() {
        return MessageFormat.format(bundle().getString("detail.title"), orderId == null ? "" : orderId.toString());
    }

    public Long getOrderId() { return orderId; }
    public OrderView getOrder() { return order; }
    public List<StatusChangeView> getTimeline() { return timeline; }
    public String getTracking() { return tracking; }
    public void setTracking(String tracking) { this.tracking = tracking; }

    public boolean isConfirmationResendable() {
        return order != null && OrderStatus.valueOf(order.status()).hasConfirmation();
    }

    private String label(String status) {
        return bundle().getString("status." + status);
    }

    private void info(String key, Object... args) {
        message(FacesMessage.SEVERITY_INFO, key, args);
    }

    private void error(String key, Object... args) {
        message(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private void message(FacesMessage.Severity severity, String key, Object... args) {
        String text = MessageFormat.format(bundle().getString(key), args);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle("dev.orion.console.orders", FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
}
