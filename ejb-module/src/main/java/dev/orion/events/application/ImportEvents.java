package dev.orion.events.application;

import dev.orion.platform.imports.ImportEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** An import that completed or failed becomes {@code import.completed} or {@code import.failed} for its vendor. */
@ApplicationScoped
public class ImportEvents {

    @Inject
    EventLog events;

    void ended(@Observes ImportEnded ended) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", ended.importId());
        data.put("kind", ended.job().startsWith("order") ? "orders" : "products");
        data.put("status", ended.completed() ? "COMPLETED" : "FAILED");
        events.record(ended.vendorId(), ended.completed() ? EventTypes.IMPORT_COMPLETED : EventTypes.IMPORT_FAILED,
                Map.of("import", data));
    }
}
