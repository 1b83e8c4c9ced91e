package dev.orion.events.application;

import java.util.List;

/** The event catalogue (docs/webhooks.md): what an endpoint may ask for and what the events API lists. */
public final class EventTypes {

    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_STATUS_CHANGED = "order.status_changed";
    public static final String ORDER_INVOICED = "order.invoiced";
    public static final String PRODUCT_CREATED = "product.created";
    public static final String PRODUCT_UPDATED = "product.updated";
    public static final String PRODUCT_DELETED = "product.deleted";
    public static final String STOCK_LOW = "stock.low";
    public static final String IMPORT_COMPLETED = "import.completed";
    public static final String IMPORT_FAILED = "import.failed";
    public static final String REPORT_READY = "report.ready";
    /** Platform-level (no vendor): only platform clients see it, no vendor endpoint receives it. */
    public static final String EMAIL_DEAD_LETTERED = "email.dead_lettered";

    public static final List<String> ALL = List.of(ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_INVOICED, PRODUCT_CREATED,
            PRODUCT_UPDATED, PRODUCT_DELETED, STOCK_LOW, IMPORT_COMPLETED, IMPORT_FAILED, REPORT_READY, EMAIL_DEAD_LETTERED);

    private EventTypes() {
    }
}
