package dev.orion.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The SMTP relay of the mail session accepts connections and greets with 220. A relay spoken to over SMTPS
 * (ORION_SMTP_SSL) greets only inside TLS: for it, accepting the connection is the answer. Not a readiness check of
 * its own: emails wait in the outbox while the relay is away ({@link OptionalDependenciesCheck}).
 */
@ApplicationScoped
public class SmtpProbe {

    @Inject
    @ConfigProperty(name = "orion.smtp.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "orion.smtp.port", defaultValue = "3025")
    int port;

    @Inject
    @ConfigProperty(name = "orion.smtp.ssl", defaultValue = "false")
    boolean ssl;

    public HealthCheckResponse call() {
        return Probe.run("smtp", () -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2_000);
                if (ssl) {
                    return host + ":" + port + " (SMTPS)";
                }
                socket.setSoTimeout(2_000);
                var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                String greeting = reader.readLine();
                if (greeting == null || !greeting.startsWith("220")) {
                    throw new IllegalStateException("unexpected greeting from " + host + ":" + port + ": " + greeting);
                }
                socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                return host + ":" + port;
            }
        });
    }
}
