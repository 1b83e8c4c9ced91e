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

    /** Where the log ends now: {@link #messagesSince} reads only what is written after it. */
    public static long mark() {
        try {
            return Files.size(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message of every JSON record written after {@code mark}: a test judges the lines its own requests caused,
     * not what every earlier test of the run left. If the log rotated since, the rotated file's tail is read too.
     */
    public static List<String> messagesSince(long mark) {
        return recordsSince(mark).stream().map(r -> r.getString("message", "")).toList();
    }

    /** Every JSON record written after {@code mark} (see {@link #messagesSince}). */
    public static List<JsonObject> recordsSince(long mark) {
        Path rotated = file().resolveSibling("server.log.1");
        long now = mark();
        var lines = new java.util.ArrayList<String>();
        if (now < mark && Files.exists(rotated)) {
            lines.addAll(linesFrom(rotated, mark));
            lines.addAll(linesFrom(file(), 0));
        } else {
            lines.addAll(linesFrom(file(), now < mark ? 0 : mark));
        }
        return lines.stream().filter(l -> l.startsWith("{")).map(Http::json).toList();
    }

    private static List<String> linesFrom(Path log, long offset) {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records logged while the work with this correlation id ran. */
    public static List<JsonObject> withCorrelation(String id) {
        return records().stream().filter(r -> r.containsKey("mdc") && id.equals(r.getJsonObject("mdc").getString("correlation_id", null))).toList();
    }
}
