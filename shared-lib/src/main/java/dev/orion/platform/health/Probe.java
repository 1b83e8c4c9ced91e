package dev.orion.platform.health;

import java.util.concurrent.Callable;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Runs one dependency probe and turns its outcome into a named UP/DOWN response with the reason. */
final class Probe {

    private Probe() {
    }

    static HealthCheckResponse run(String name, Callable<String> probe) {
        var response = HealthCheckResponse.named(name);
        try {
            return response.up().withData("target", String.valueOf(probe.call())).build();
        } catch (Exception e) {
            return response.down().withData("error", describe(e)).build();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
