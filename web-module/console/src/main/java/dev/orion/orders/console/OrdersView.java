package dev.orion.orders.console;

import dev.orion.platform.console.ConsoleCaller;
import static dev.orion.orders.application.OrderListing.Sort.NEWEST_FIRST;
import dev.orion.orders.application.OrderFilter;
import dev.orion.orders.application.OrderListing;
import dev.orion.orders.application.OrderView;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The orders page: filters over a lazily paged table, newest orders first; only the page shown is loaded. */
@Named
@ViewScoped
public class OrdersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrderListing listing;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleCaller user;

    private Long vendorId;
    private OrderStatus status;
    private LocalDate from;
    private LocalDate to;
    private String search;
    private OrderFilter filter = OrderFilter.none();
    private final Page orders = new Page();

    @PostConstruct
    void init() {
        if (!user.isPlatform()) {
            vendorId = user.getVendorId();
        }
    }

    /** Applies the filters and goes back to the first page. */
    public void apply() {
        filter = new OrderFilter(status, from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), search);
        orders.forgetKeyset();
        var table = (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("orders-form:orders");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void clear() {
        status = null;
        from = null;
        to = null;
        search = null;
        apply();
    }

    /** The vendor's name for the platform users' vendor column. */
    public String vendorName(long id) {
        return vendorChoices.name(id);
    }

    public OrderStatus[] getStatuses() { return OrderStatus.values(); }
    public LazyDataModel<OrderView> getOrders() { return orders; }
    public Long getVendorId() { return vendorId; }

    public void setVendorId(Long id) {
        // a VENDOR user lists only its own orders, whatever the request says
        this.vendorId = user.isPlatform() ? id : user.getVendorId();
    }

    public OrderStatus getStatus() { return status; }
    public void setStatus(OrderStatus status) { this.status = status; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }

    private Long scope() {
        return user.isPlatform() ? vendorId : user.getVendorId();
    }

    /**
     * Remembers the last id of each page it served: the next page is then read by keyset, and only a jump
     * to a page never reached falls back to an offset.
     */
    private class Page extends LazyDataModel<OrderView> {

        private static final long serialVersionUID = 1L;
        private final Map<Integer, Long> lastIdBefore = new HashMap<>();

        void forgetKeyset() {
            lastIdBefore.clear();
        }

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, listing.count(scope(), filter));
        }

        @Override
        public List<OrderView> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            Long before = first == 0 ? null : lastIdBefore.get(first);
            List<OrderView> rows = before != null || first == 0
                    ? listing.page(scope(), filter, NEWEST_FIRST, before, 0, pageSize).items()
                    : listing.page(scope(), filter, NEWEST_FIRST, null, first, pageSize).items();
            if (!rows.isEmpty()) {
                lastIdBefore.put(first + rows.size(), rows.get(rows.size() - 1).id());
            }
            return rows;
        }

        @Override
        public String getRowKey(OrderView row) {
            return Long.toString(row.id());
        }

        @Override
        public OrderView getRowData(String rowKey) {
            return null;
        }
    }
}
