package dev.orion.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules operators load into Prometheus (docs/prometheus/orion-alerts.yml) are valid, behave as their
 * unit tests over synthetic series say (promtool, from Debian's prometheus package, which `./orion verify`
 * installs), and name only metrics docs/observability.md describes, so a renamed meter cannot silence an alert.
 */
class AlertRulesTest {

    private static final Path RULES_DIR = Path.of("../docs/prometheus");
    private static final Pattern METRIC = Pattern.compile("\\b((?:orion|datasources|messaging_activemq|batch_jberet)_[a-z_]+)\\b");

    @Test
    void configAndRulesAreValidAndTheRulesUnitTestsPass() throws Exception {
        assertEquals("", promtool("check", "config", "prometheus.yml"));
        assertEquals("", promtool("check", "rules", "orion-alerts.yml"));
        assertEquals("", promtool("test", "rules", "orion-alerts.test.yml"));
    }

    @Test
    void everyMetricARuleUsesIsDocumented() throws IOException {
        String rules = Files.readString(RULES_DIR.resolve("orion-alerts.yml"), StandardCharsets.UTF_8);
        String documented = Files.readString(Path.of("../docs/observability.md"), StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        Matcher metric = METRIC.matcher(rules.replaceAll("(?m)^\\s*#.*$", ""));
        while (metric.find()) {
            if (!documented.contains(metric.group(1))) {
                missing.add(metric.group(1));
            }
        }
        assertEquals(Set.of(), missing, "metrics the alert rules use but docs/observability.md does not describe");
    }

    /** Runs promtool in docs/prometheus; returns its output when it fails, "" when it succeeds. */
    private static String promtool(String... arguments) throws IOException, InterruptedException {
        Path promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError(
                        "promtool is missing: install Debian's prometheus package (./orion verify does)"));
        var command = new java.util.ArrayList<String>();
        command.add(promtool.toString());
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        return process.exitValue() == 0 ? "" : output;
    }
}
