package dev.orion.events.console;

import dev.orion.events.application.DeliveryLog;
import dev.orion.events.application.DeliveryPage;
import dev.orion.events.application.DeliveryView;
import dev.orion.events.application.EndpointHealth;
import dev.orion.events.application.WebhookHealth;
import dev.orion.platform.DomainException;
import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.console.ConsoleCaller;
import dev.orion.platform.console.PageMessages;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One endpoint's page ({@code webhooks/endpoint.xhtml?id=}): its health and its delivery log, every attempt with
 * its time, HTTP status, duration, response excerpt and error, newest delivery first, older ones on demand.
 * Redelivering an event sends it again to this endpoint only, with the same event id (a new attempt); "redeliver
 * all failed since" does so for each delivery of the endpoint that failed for good since then. An endpoint of another vendor is as
 * absent as one that does not exist.
 */
@Named
@ViewScoped
public class WebhookDeliveriesView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    @Inject
    WebhookHealth health;

    @Inject
    DeliveryLog log;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleCaller user;

    @Inject
    ConsoleActor actor;

    private final PageMessages messages = new PageMessages(WebhooksView.BUNDLE);
    private EndpointHealth endpoint;
    private final List<DeliveryView> deliveries = new ArrayList<>();
    private Long nextBefore;
    /** From the start of this day (UTC, as the page shows times): yesterday to begin with. */
    private LocalDate failedSince = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @PostConstruct
    void init() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id != null && id.matches("\\d{1,18}")) {
            endpoint = health.find(WebhookScope.of(user, null), Long.parseLong(id)).orElse(null);
        }
        if (endpoint != null) {
            refresh();
        }
    }

    /** The health figures and the newest deliveries again (read only). */
    public void refresh() {
        if (endpoint == null) {
            return;
        }
        endpoint = health.find(WebhookScope.of(user, null), endpoint.endpoint().id()).orElse(null);
        deliveries.clear();
        nextBefore = null;
        if (endpoint != null) {
            more();
        }
    }

    /** The next, older, page of the log (read only). */
    public void more() {
        DeliveryPage page = log.deliveries(endpoint.endpoint().vendorId(), endpoint.endpoint().id(),
                nextBefore, PAGE).orElse(null);
        if (page == null) {
            endpoint = null;
            return;
        }
        deliveries.addAll(page.items());
        nextBefore = page.nextBefore();
    }

    /** This event again to this endpoint only (the one whose log the user is looking at), not to the vendor's others. */
    public void redeliver(String eventId) {
        try {
            log.redeliverTo(actor.get(), vendor(), endpoint.endpoint().id(), UUID.fromString(eventId)).ifPresentOrElse(
                    delivery -> messages.info("redelivered", eventId), () -> messages.refusal("error.gone"));
        } catch (DomainException e) {
            messages.error(null, "error.refused", e.getMessage());
        }
        refresh();
    }

    /**
     * The vendor the user acts for: a VENDOR user's own (from the session, so a page state naming another vendor's
     * endpoint finds nothing), for staff the endpoint's.
     */
    private long vendor() {
        Long scope = WebhookScope.of(user, null);
        return scope == null ? endpoint.endpoint().vendorId() : scope;
    }

    public void redeliverFailed() {
        if (failedSince == null) {
            messages.error("log-form:since", "error.since", null);
            return;
        }
        try {
            log.redeliverFailed(actor.get(), vendor(), endpoint.endpoint().id(),
                    failedSince.atStartOfDay().atOffset(ZoneOffset.UTC)).ifPresentOrElse(count -> messages.info("redeliveredFailed", count),
                    () -> messages.refusal("error.gone"));
        } catch (DomainException e) {
            messages.error(null, "error.refused", e.getMessage());
        }
        refresh();
    }

    public String vendorName(Long id) {
        return vendorChoices.name(id);
    }

    public String getTypes() { return endpoint == null ? "" : String.join(", ", endpoint.endpoint().eventTypes()); }
    public EndpointHealth getEndpoint() { return endpoint; }
    public List<DeliveryView> getDeliveries() { return deliveries; }
    public boolean isHasMore() { return nextBefore != null; }
    public LocalDate getFailedSince() { return failedSince; }
    public void setFailedSince(LocalDate failedSince) { this.failedSince = failedSince; }
}
