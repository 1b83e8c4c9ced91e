package dev.orion.operations.console;

import dev.orion.platform.console.DatabasePage;
import dev.orion.platform.console.VendorMenu;
import dev.orion.platform.requestlog.ApiRequest;
import dev.orion.platform.requestlog.RequestLogFilter;
import dev.orion.platform.requestlog.RequestLogSearch;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/**
 * The request log of every API client (platform staff): the same search and filters as each client's own
 * {@code GET /api/v1/request-logs}, plus the client; newest first, one page loaded at a time.
 */
@Named
@ViewScoped
public class RequestLogView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<Integer> STATUS_CLASSES = List.of(2, 3, 4, 5);

    @EJB
    RequestLogSearch search;

    @Inject
    VendorMenu vendorChoices;

    private String clientId;
    private Integer statusClass;
    private String route;
    private LocalDate from;
    private LocalDate to;
    private final LazyDataModel<ApiRequest> entries = new DatabasePage<>(() -> search.count(filter()),
            (first, size) -> search.page(filter(), first, size), ApiRequest::id);

    public void clear() {
        clientId = null;
        statusClass = null;
        route = null;
        from = null;
        to = null;
    }

    private RequestLogFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        return new RequestLogFilter(clientId, statusClass, route,
                from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    public String vendorName(Long id) {
        return id == null ? "" : vendorChoices.code(id);
    }

    public String durationMs(ApiRequest entry) {
        return String.format(java.util.Locale.ROOT, "%.1f", entry.durationMicros() / 1000.0);
    }

    public List<Integer> getStatusClasses() { return STATUS_CLASSES; }
    public LazyDataModel<ApiRequest> getEntries() { return entries; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public Integer getStatusClass() { return statusClass; }
    public void setStatusClass(Integer statusClass) { this.statusClass = statusClass; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
