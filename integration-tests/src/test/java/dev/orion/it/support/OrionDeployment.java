package dev.orion.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.as.controller.client.helpers.standalone.ServerDeploymentHelper;
import org.junit.jupiter.api.BeforeAll;

/**
 * Integration tests run against the EAR the build produced, exactly as users get it, and test it from outside.
 *
 * <p>It is deployed once for the whole suite, not once per class: a deployment of Orion takes 10 to 25 s on the CI
 * machine (Flyway's check, Hibernate, Weld, the batch and timer services), which for 70 classes was half of the
 * suite's time. Arquillian starts the server before the first class (its extension runs before this
 * {@code @BeforeAll}) and stops it after the last; the first class deploys the EAR, replacing one a previous run
 * may have left, and every later class finds it there. A test that needs Orion to start again redeploys it itself
 * ({@code InterruptedExecutionsIT}, {@code WebhookSecretsUpgradeIT}).
 */
public abstract class OrionDeployment {

    private static final String NAME = "orion.ear";
    private static boolean deployed;

    @BeforeAll
    static synchronized void deployOnce() throws Exception {
        if (deployed) {
            return;
        }
        Path ear = Path.of(System.getProperty("orion.ear"));
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", 9990);
                InputStream content = Files.newInputStream(ear)) {
            var helper = new ServerDeploymentHelper(client);
            if (isDeployed(client)) {
                helper.undeploy(NAME);
            }
            helper.deploy(NAME, content);
        }
        deployed = true;
    }

    private static boolean isDeployed(ModelControllerClient client) throws IOException {
        var read = client.execute(Operations.createReadResourceOperation(Operations.createAddress("deployment", NAME)));
        return Operations.isSuccessfulOutcome(read);
    }
}
