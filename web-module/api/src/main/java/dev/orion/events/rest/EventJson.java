package dev.orion.events.rest;

import dev.orion.events.application.EventView;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event on the wire: the same members a webhook's body has. */
@Schema(name = "Event")
public record EventJson(String id, String type, OffsetDateTime createdAt, Long vendorId, String apiVersion,
                        @Schema(type = SchemaType.OBJECT, description = "The event's own data; see docs/webhooks.md") JsonObject data) {

    static EventJson of(EventView e) {
        return new EventJson(e.id().toString(), e.type(), e.createdAt(), e.vendorId(), e.apiVersion(), e.data());
    }
}
