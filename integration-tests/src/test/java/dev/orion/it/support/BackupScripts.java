package dev.orion.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The committed backup and restore scripts (server-config/backup, system property {@code orion.backup.scripts}),
 * run the way an operator runs them: Orion's settings in the environment, the exit code and output kept.
 */
public final class BackupScripts {

    /** How a script ended: its exit code, and the command with everything it printed (for assertion messages). */
    public record Outcome(int exitCode, String output) {
    }

    private static final Path SCRIPTS = Path.of(System.getProperty("orion.backup.scripts"));

    private final Map<String, String> settings;

    /** Scripts for Orion's database at {@code dbUrl} and its storage directory, backing up into {@code backups}. */
    public BackupScripts(String dbUrl, Path storage, Path backups) {
        this.settings = Map.of("ORION_DB_URL", dbUrl,
                "ORION_DB_USER", System.getenv().getOrDefault("ORION_DB_USER", "orion"),
                "ORION_DB_PASSWORD", System.getenv().getOrDefault("ORION_DB_PASSWORD", "orion"),
                "ORION_STORAGE_DIR", storage.toString(), "ORION_BACKUP_DIR", backups.toString());
    }

    /** orion-backup.sh; {@code overrides} replace settings (ORION_BACKUP_DIR, ORION_BACKUP_KEEP, ...). */
    public Outcome backup(Map<String, String> overrides) throws IOException, InterruptedException {
        return run(overrides, "orion-backup.sh");
    }

    /** orion-backup.sh, which must succeed; returns the backup it wrote (the newest in its directory). */
    public Path backupOrFail(Map<String, String> overrides) throws IOException, InterruptedException {
        Outcome outcome = backup(overrides);
        if (outcome.exitCode() != 0) {
            throw new AssertionError("The backup failed: " + outcome.output());
        }
        Path root = Path.of(overrides.getOrDefault("ORION_BACKUP_DIR", settings.get("ORION_BACKUP_DIR")));
        try (Stream<Path> backups = Files.list(root)) {
            return backups.filter(p -> p.getFileName().toString().startsWith("orion-")).max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /** orion-restore.sh of {@code backup}. */
    public Outcome restore(Path backup) throws IOException, InterruptedException {
        return restore(backup, Map.of());
    }

    /** orion-restore.sh of {@code backup} with {@code overrides} (ORION_BACKUP_ENCRYPTION_KEY_FILE, ...). */
    public Outcome restore(Path backup, Map<String, String> overrides) throws IOException, InterruptedException {
        return run(overrides, "orion-restore.sh", backup.toString());
    }

    private Outcome run(Map<String, String> overrides, String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of(SCRIPTS.resolve(script).toString()), Stream.of(arguments)).toList();
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = new HashMap<>(settings);
        environment.putAll(overrides);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), String.join(" ", command) + "\n" + output);
    }
}
