package dev.orion.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.OperationBuilder;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.BeforeAll;

/**
 * Integration tests run against the EAR the build produced, exactly as users get it, and test it from outside.
 *
 * <p>It is deployed once for the whole suite, not once per class: a deployment of Orion takes 10 to 25 s on the CI
 * machine (Flyway's check, Hibernate, Weld, the batch and timer services), which for 70 classes was half of the
 * suite's time. Arquillian starts the server before the first class (its extension runs before this
 * {@code @BeforeAll}) and stops it after the last; the first class deploys the EAR, replacing one a previous run
 * may have left, and every later class finds it there. The deployment is not persisted in the server's
 * configuration, which the tests that start servers of their own copy ({@link StandaloneOrion}) and deploy to
 * themselves; while one of them runs, the shared deployment stands aside ({@link #standAside()}), so that those
 * drills have the machine and their timings as before, and the next class deploys it again. A test that needs Orion
 * to start again calls {@link #redeploy()}.
 */
public abstract class OrionDeployment {

    private static final ModelNode ADDRESS = Operations.createAddress("deployment", "orion.ear");
    private static boolean deployed;

    @BeforeAll
    static synchronized void deployOnce() throws IOException {
        if (deployed) {
            return;
        }
        try (var client = management(); InputStream ear = Files.newInputStream(Path.of(System.getProperty("orion.ear")))) {
            if (Operations.isSuccessfulOutcome(client.execute(Operations.createReadResourceOperation(ADDRESS)))) {
                succeed(client.execute(Operations.createRemoveOperation(ADDRESS)));
            }
            ModelNode add = Operations.createAddOperation(ADDRESS);
            add.get("content").get(0).get("input-stream-index").set(0);
            add.get("enabled").set(true);
            add.get("persistent").set(false);
            succeed(client.execute(OperationBuilder.create(add).addInputStream(ear).build()));
        }
        deployed = true;
    }

    /**
     * Undeploys the shared Orion while a test runs servers of its own; the next class that needs it deploys it again.
     * Nothing to do when Arquillian has not started its server yet.
     */
    public static synchronized void standAside() throws IOException {
        if (!deployed) {
            return;
        }
        try (var client = management()) {
            succeed(client.execute(Operations.createRemoveOperation(ADDRESS)));
        }
        deployed = false;
    }

    /** Stops Orion and starts it again, as a restart of the server would (start-up tasks run again). */
    public static void redeploy() throws IOException {
        try (var client = management()) {
            succeed(client.execute(Operations.createOperation("redeploy", ADDRESS)));
        }
    }

    private static ModelControllerClient management() throws IOException {
        return ModelControllerClient.Factory.create("127.0.0.1", 9990);
    }

    private static void succeed(ModelNode outcome) {
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IllegalStateException("The management operation failed: " + Operations.getFailureDescription(outcome));
        }
    }
}
