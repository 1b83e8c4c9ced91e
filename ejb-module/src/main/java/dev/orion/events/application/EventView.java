package dev.orion.events.application;

import dev.orion.events.domain.Event;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** An event as clients read it, from the events API and in a webhook's body alike. */
public record EventView(UUID id, String type, OffsetDateTime createdAt, Long vendorId, String apiVersion, JsonObject data) {

    static EventView of(Event event) {
        try (var reader = Json.createReader(new StringReader(event.getData()))) {
            return new EventView(event.getId(), event.getType(), event.getCreatedAt(), event.getVendorId(),
                    event.getApiVersion(), reader.readObject());
        }
    }

    /** The body a webhook endpoint receives: the same members the events API shows. */
    byte[] body() {
        var body = Json.createObjectBuilder()
                .add("id", id.toString())
                .add("type", type)
                .add("created_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(createdAt));
        if (vendorId == null) {
            body.addNull("vendor_id"); // a platform-level event
        } else {
            body.add("vendor_id", vendorId);
        }
        return body
                .add("api_version", apiVersion)
                .add("data", data)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
