package dev.orion.notifications.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;

/** A file an email carries, kept in storage until it is sent (an invoice's PDF). */
public record EmailAttachment(String filename, String contentType, String storageKey) {

    /** The outbox's form of an email's attachments: a JSON array of these three fields. */
    static String toJson(List<EmailAttachment> attachments) {
        var array = Json.createArrayBuilder();
        attachments.forEach(a -> array.add(Json.createObjectBuilder()
                .add("filename", a.filename()).add("content_type", a.contentType()).add("storage_key", a.storageKey())));
        return array.build().toString();
    }

    static List<EmailAttachment> fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(o -> new EmailAttachment(o.getString("filename"), o.getString("content_type"), o.getString("storage_key")))
                    .toList();
        }
    }
}
