package dev.orion.platform.flags;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every stored flag value as read from the database at {@code loadedAt} (epoch milliseconds): the platform's under
 * the flag's name, a vendor's under {@code name@vendorId}. The copy in Redis keeps {@code loadedAt}, so a server
 * that takes it from Redis still drops it {@code ttl} after the database was read, never later: a flag changed on
 * one server is served by every server within one TTL.
 */
public record FlagSnapshot(long loadedAt, Map<String, Boolean> values) {

    public FlagSnapshot {
        values = Map.copyOf(values);
    }

    public static String key(String name, Long vendorId) {
        return vendorId == null ? name : name + "@" + vendorId;
    }

    /** The vendor's override, else the platform value, else empty (the flag's default applies). */
    public Optional<Boolean> value(String name, Long vendorId) {
        Boolean value = vendorId == null ? null : values.get(key(name, vendorId));
        return Optional.ofNullable(value != null ? value : values.get(name));
    }

    boolean freshAt(long now, long ttlMillis) {
        return now < loadedAt + ttlMillis;
    }

    String toJson() {
        var flags = Json.createObjectBuilder();
        values.forEach(flags::add);
        return Json.createObjectBuilder().add("loaded_at", loadedAt).add("values", flags).build().toString();
    }

    static FlagSnapshot fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            var values = new HashMap<String, Boolean>();
            object.getJsonObject("values").forEach((key, value) -> values.put(key, value == JsonValue.TRUE));
            return new FlagSnapshot(object.getJsonNumber("loaded_at").longValue(), values);
        }
    }
}
