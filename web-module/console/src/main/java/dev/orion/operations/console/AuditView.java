package dev.orion.operations.console;

import dev.orion.operations.audit.AuditFilter;
import dev.orion.operations.audit.AuditSearch;
import dev.orion.platform.audit.AuditEntry;
import dev.orion.platform.console.DatabasePage;
import dev.orion.platform.console.VendorMenu;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/** The audit log viewer (ADMIN): filters on top, newest entries first, one page loaded at a time. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditSearch search;

    @Inject
    VendorMenu vendorChoices;

    private List<String> actions;
    private List<String> entityTypes;

    private String actor;
    private Long vendorId;
    private String action;
    private String entityType;
    private LocalDate from;
    private LocalDate to;
    private final LazyDataModel<AuditEntry> entries = new DatabasePage<>(() -> search.count(filter()), (first, size) -> search.page(filter(), first, size), entry -> entry.getId());

    @PostConstruct
    void init() {
        actions = search.actions();
        entityTypes = search.entityTypes();
    }

    public void clear() {
        actor = null;
        vendorId = null;
        action = null;
        entityType = null;
        from = null;
        to = null;
    }

    private AuditFilter filter() {
        return new AuditFilter(actor, vendorId, action, entityType, from, to);
    }

    public String vendorName(Long id) {
        return vendorChoices.code(id);
    }

    public List<String> getActions() { return actions; }
    public List<String> getEntityTypes() { return entityTypes; }
    public LazyDataModel<AuditEntry> getEntries() { return entries; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getEntityType() { return entityType; }
    public void setEntityType(String entityType) { this.entityType = entityType; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
