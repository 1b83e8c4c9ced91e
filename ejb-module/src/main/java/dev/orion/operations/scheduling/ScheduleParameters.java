package dev.orion.operations.scheduling;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** A schedule's parameters: a flat JSON object of strings, as a map for its task. */
final class ScheduleParameters {

    private ScheduleParameters() {
    }

    static Map<String, String> parse(String json) {
        try (var reader = Json.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
            JsonObject object = reader.readObject();
            var values = new LinkedHashMap<String, String>();
            object.forEach((name, value) -> values.put(name, value instanceof JsonString s ? s.getString() : value.toString()));
            return values;
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("parameters must be a JSON object, like {\"format\": \"PDF\"}");
        }
    }
}
