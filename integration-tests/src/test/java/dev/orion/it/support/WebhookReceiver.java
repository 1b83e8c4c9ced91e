package dev.orion.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vendor's webhook endpoint of the test's own: records every request and answers with the status it is told to.
 * It listens on {@link ServedFile#HOST}, the loopback address the test server's allow-lists open (feed fetches and
 * plain-http webhooks, integration-tests/pom.xml). It checks signatures as docs/webhooks.md tells a receiver to.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String eventId, String eventType, String signature, String body) {

        /** Whether one of the header's v1 signatures is HMAC-SHA256 of "t.body" under {@code secret}. */
        public boolean signedWith(String secret) {
            String timestamp = null;
            List<String> signatures = new ArrayList<>();
            for (String part : signature.split(",")) {
                String[] pair = part.split("=", 2);
                if (pair[0].equals("t")) {
                    timestamp = pair[1];
                } else if (pair[0].equals("v1")) {
                    signatures.add(pair[1]);
                }
            }
            if (timestamp == null) {
                return false;
            }
            byte[] expected = HexFormat.of().formatHex(hmac(secret, timestamp + "." + body)).getBytes(StandardCharsets.US_ASCII);
            return signatures.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
        }

        private static byte[] hmac(String secret, String payload) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(ServedFile.HOST, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Orion-Event-Id"), headers.getFirst("Orion-Event-Type"),
                    headers.getFirst("Orion-Signature"), body));
            byte[] answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The status every request is answered with from now on. */
    public void answer(int status) {
        this.status = status;
    }

    public String url() {
        return "http://" + ServedFile.HOST + ":" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
