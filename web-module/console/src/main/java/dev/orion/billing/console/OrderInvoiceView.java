package dev.orion.billing.console;

import dev.orion.platform.console.ConsoleCaller;
import dev.orion.billing.application.InvoiceView;
import dev.orion.billing.application.NotInvoiceableException;
import dev.orion.billing.application.OrderInvoices;
import dev.orion.orders.application.OrderListing;
import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.console.PageMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * The invoice part of the order page ({@code orders/order.xhtml}, ?id=): the order's invoice if it has one, and
 * issuing it. Billing's own bean, so that the order page's bean needs nothing from billing. Acts for the order's
 * vendor: the user's vendor for VENDOR users, the order's for platform users.
 */
@Named
@ViewScoped
public class OrderInvoiceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrderInvoices invoices;

    @Inject
    OrderListing listing;

    @Inject
    ConsoleCaller user;

    /** The order page's messages: the invoice's live beside the order's. */
    private final PageMessages messages = new PageMessages("dev.orion.console.orders");

    private Long orderId;
    private Long vendorId;
    private InvoiceView invoice;

    @PostConstruct
    void load() {
        orderId = orderIdParameter();
        if (orderId == null) {
            return;
        }
        vendorId = user.isPlatform() ? listing.vendorOf(orderId).orElse(null) : user.getVendorId();
        invoice = vendorId == null ? null : invoices.find(vendorId, orderId).orElse(null);
    }

    /** Issues the invoice if the order has none yet, then starts the PDF download. */
    public void issueInvoice() {
        if (vendorId == null) {
            return;
        }
        try {
            var issued = invoices.issue(ConsoleActor.of(user), vendorId, orderId).orElse(null);
            if (issued == null) {
                return;
            }
            invoice = issued.invoice();
            messages.info(issued.created() ? "invoice.issued" : "invoice.exists", invoice.number());
            PrimeFaces.current().executeScript("window.location.assign('" + getInvoiceUrl() + "')");
        } catch (NotInvoiceableException e) {
            messages.refusal("invoice.refused", messages.text("status." + e.orderStatus()));
        }
    }

    public String getInvoiceUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + OrderInvoiceDownload.PATH + "?order=" + orderId;
    }

    public InvoiceView getInvoice() { return invoice; }

    private static Long orderIdParameter() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            return id == null ? null : Long.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
