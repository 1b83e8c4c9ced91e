package dev.orion.events.console;

import dev.orion.events.application.EndpointChange;
import dev.orion.events.application.EndpointHealth;
import dev.orion.events.application.EndpointView;
import dev.orion.events.application.EventTypes;
import dev.orion.events.application.NewSecret;
import dev.orion.events.application.WebhookEndpoints;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The webhook endpoints page: a VENDOR user's own vendor's endpoints, every vendor's for platform staff (with a
 * vendor filter), each with its delivery health; create, enable or disable, change the event types, rotate the
 * secret, delete. A new or rotated secret is held only until its dialog closes: shown that once, never again.
 */
@Named
@ViewScoped
public class WebhooksView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "dev.orion.console.webhooks";

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookHealth health;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleCaller user;

    @Inject
    ConsoleActor actor;

    private final PageMessages messages = new PageMessages(BUNDLE);
    private List<EndpointHealth> list = List.of();
    private Long vendorFilter;

    private Long vendorId;
    private String url;
    private String description;
    private List<String> eventTypes = new ArrayList<>();

    private Long editingId;
    private int overlapHours = 24;
    private NewSecret shown;

    @PostConstruct
    void init() {
        reload();
    }

    public void reload() {
        list = health.list(WebhookScope.of(user, vendorFilter));
    }

    public void startNew() {
        vendorId = user.isPlatform() ? vendorFilter : user.getVendorId();
        url = null;
        description = null;
        eventTypes = new ArrayList<>(EventTypes.ALL);
    }

    public void create() {
        Long vendor = user.isPlatform() ? vendorId : user.getVendorId();
        if (vendor == null) {
            messages.error("endpoint-form:vendor", "error.vendor", null);
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            shown = endpoints.create(actor.get(), vendor, new EndpointChange(url, blankToNull(description), List.copyOf(eventTypes), true));
            reload();
        } catch (DomainException e) {
            refused("endpoint-form:url", e);
        }
    }

    public void startEditing(EndpointView endpoint) {
        editingId = endpoint.id();
        description = endpoint.description();
        eventTypes = new ArrayList<>(endpoint.eventTypes());
        overlapHours = 24;
    }

    public void saveTypes() {
        mine(editingId).ifPresentOrElse(endpoint -> {
            try {
                endpoints.change(actor.get(), endpoint.vendorId(), endpoint.id(),
                        new EndpointChange(null, description == null ? "" : description, List.copyOf(eventTypes), null));
                messages.info("saved", endpoint.url());
                reload();
            } catch (DomainException e) {
                refused("types-form:types", e);
            }
        }, this::gone);
    }

    public void toggle(EndpointView row) {
        mine(row.id()).ifPresentOrElse(endpoint -> {
            endpoints.change(actor.get(), endpoint.vendorId(), endpoint.id(), new EndpointChange(null, null, null, !endpoint.enabled()));
            messages.info(endpoint.enabled() ? "disabled.done" : "enabled.done", endpoint.url());
            reload();
        }, this::gone);
    }

    public void rotate() {
        mine(editingId).ifPresentOrElse(endpoint -> {
            try {
                shown = endpoints.rotateSecret(actor.get(), endpoint.vendorId(), endpoint.id(), Duration.ofHours(overlapHours)).orElse(null);
                reload();
            } catch (DomainException e) {
                refused("rotate-form:overlap", e);
            }
        }, this::gone);
    }

    public void delete(EndpointView row) {
        mine(row.id()).ifPresentOrElse(endpoint -> {
            endpoints.delete(actor.get(), endpoint.vendorId(), endpoint.id());
            messages.info("deleted", endpoint.url());
            reload();
        }, this::gone);
    }

    /** Called when the secret's dialog closes: from then on the secret is gone for good. */
    public void forgetSecret() {
        shown = null;
    }

    public String types(EndpointView endpoint) {
        return String.join(", ", endpoint.eventTypes());
    }

    /** The last failure's HTTP status, or its error when no answer came. */
    public String failure(EndpointHealth endpoint) {
        return endpoint.lastFailureStatus() != null ? "HTTP " + endpoint.lastFailureStatus() : endpoint.lastFailureError();
    }

    public String vendorName(Long id) {
        return vendorChoices.name(id);
    }

    /** The endpoint as the database has it now, if this user may see it; never one of another vendor. */
    private Optional<EndpointView> mine(Long id) {
        return id == null ? Optional.empty() : health.find(WebhookScope.of(user, null), id).map(EndpointHealth::endpoint);
    }

    private void gone() {
        messages.refusal("error.gone");
        reload();
    }

    private void refused(String clientId, DomainException e) {
        messages.error(clientId, "error.refused", e.getMessage());
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public List<EndpointHealth> getEndpoints() { return list; }
    public List<String> getAllEventTypes() { return EventTypes.ALL; }
    public Long getVendorFilter() { return vendorFilter; }
    public void setVendorFilter(Long vendorFilter) { this.vendorFilter = vendorFilter; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getEventTypes() { return eventTypes; }
    public void setEventTypes(List<String> eventTypes) { this.eventTypes = eventTypes == null ? new ArrayList<>() : new ArrayList<>(eventTypes); }
    public int getOverlapHours() { return overlapHours; }
    public void setOverlapHours(int overlapHours) { this.overlapHours = overlapHours; }
    public NewSecret getShown() { return shown; }
}
