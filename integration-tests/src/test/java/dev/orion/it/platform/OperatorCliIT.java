package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.OrionDeployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI commands docs/deployment.md gives operators (pool statistics, queues and dead letters, batch jobs and
 * executions, timers, health, deployment state) are run with WildFly's own jboss-cli.sh against the running
 * server with Orion deployed: each must succeed, so a renamed resource or a typo in the guide fails here. Only
 * the commands that read are run; suspend and resume would take the shared server out of service.
 */
@ExtendWith(ArquillianExtension.class)
class OperatorCliIT extends OrionDeployment {

    private static final Pattern COMMAND = Pattern.compile("`((?:/subsystem|/deployment|:read-attribute)[^`]*)`");

    @Test
    void everyReadingCommandInTheDeploymentGuideSucceeds(@TempDir Path work) throws Exception {
        List<String> commands = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../docs/deployment.md"))) {
            if (line.startsWith("| ")) {
                Matcher command = COMMAND.matcher(line);
                while (command.find()) {
                    commands.add(command.group(1));
                }
            }
        }
        assertTrue(commands.size() >= 10, "the guide's table was read: " + commands);
        Path script = Files.write(work.resolve("guide.cli"), commands);

        Path cli = Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh");
        Process run = new ProcessBuilder(cli.toString(), "-c", "--controller=127.0.0.1:9990", "--file=" + script)
                .redirectErrorStream(true).start();
        run.getOutputStream().close(); // should it ask for a user (local authentication refused), it fails instead of waiting
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "jboss-cli answered");

        assertEquals(0, run.exitValue(), output);
        assertEquals(commands.size(), output.split("\"outcome\" => \"success\"", -1).length - 1, output);
        // what the guide tells operators to look at is in the answers
        for (String shown : List.of("\"ActiveCount\"", "\"message-count\"", "\"product-import\"", "\"info\" => \"schedule:",
                "\"partition\" => \"orion\"", "\"deployments-status\"")) {
            assertTrue(output.contains(shown), shown + " in\n" + output);
        }
    }
}
