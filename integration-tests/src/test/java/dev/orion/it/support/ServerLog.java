package dev.orion.it.support;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The test server's {@code server.log}, which it writes in JSON (ORION_LOG_FORMAT=json in integration-tests/pom.xml). */
public final class ServerLog {

    private ServerLog() {
    }

    public static Path file() {
        return Path.of(System.getProperty("orion.server.base"), "log", "server.log");
    }

    /** Every JSON record in the log (the first lines of a boot, written before the logging subsystem starts, are text). */
    public static List<JsonObject> records() {
        try (var lines = Files.lines(file())) {
            return lines.filter(l -> l.startsWith("{")).map(Http::json).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of every JSON record, in order. */
    public static List<String> messages() {
        return records().stream().map(r -> r.getString("message", "")).toList();
    }

    /** The records logged while the work with this correlation id ran. */
    public static List<JsonObject> withCorrelation(String id) {
        return records().stream().filter(r -> r.containsKey("mdc") && id.equals(r.getJsonObject("mdc").getString("correlation_id", null))).toList();
    }
}
