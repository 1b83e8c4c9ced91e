package dev.orion.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vendor's webhook endpoint of the test's own: records every request and answers with the status it is told to.
 * It listens on {@link ServedFile#HOST}, the loopback address the test server's allow-lists open (feed fetches and
 * plain-http webhooks, integration-tests/pom.xml). It checks signatures as docs/webhooks.md tells a receiver to.
 * Requests are served in parallel, as the server's senders make them; a crash drill can slow the answers down
 * ({@link #answerAfter}) or {@link #hold()} them, so that every sender is caught mid-request.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, with the path it was sent to (several endpoints may share one receiver). */
    public record Received(String eventId, String eventType, String signature, String body, String path) {

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
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private volatile int status = 200;
    private volatile Duration answerAfter = Duration.ZERO;
    private volatile CountDownLatch hold;
    private final AtomicInteger held = new AtomicInteger();

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
                    headers.getFirst("Orion-Signature"), body, exchange.getRequestURI().getPath()));
            CountDownLatch holding = hold;
            if (holding != null) {
                held.incrementAndGet();
                awaitQuietly(holding); // the sender waits for an answer that never comes
                exchange.close();
                return;
            }
            if (!answerAfter.isZero()) {
                sleep(answerAfter);
            }
            int answered = status;
            byte[] answer = ("answered " + answered).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answered, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
            if (answered >= 200 && answered < 300) {
                acknowledged.add(headers.getFirst("Orion-Event-Id"));
            }
        });
        server.setExecutor(workers);
        server.start();
    }

    /** Answers every request {@code delay} after it arrived, from now on. */
    public void answerAfter(Duration delay) {
        this.answerAfter = delay;
    }

    /** Requests from now on are recorded and then get no answer at all until {@link #release()}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    /** How many requests are (or were) held without an answer since {@link #hold()}. */
    public int held() {
        return held.get();
    }

    /** Ends the hold: held requests are closed without an answer, later ones answered again. */
    public void release() {
        CountDownLatch holding = hold;
        hold = null;
        if (holding != null) {
            holding.countDown();
        }
    }

    /** The event ids of the requests answered 2xx, in the order the answers were written (once per answer). */
    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status every request is answered with from now on. */
    public void answer(int status) {
        this.status = status;
    }

    public String url() {
        return "http://" + ServedFile.HOST + ":" + server.getAddress().getPort() + "/hook";
    }

    /** A URL of this receiver under its own path, {@code /hook/<name>}: one receiver can stand for several endpoints. */
    public String url(String name) {
        return url() + "/" + name;
    }

    /** The requests sent to {@link #url(String) url(name)}. */
    public List<Received> received(String name) {
        return received.stream().filter(r -> r.path().equals("/hook/" + name)).toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        workers.shutdownNow();
    }
}
