package dev.orion.platform.imports.fetch;

import dev.orion.platform.imports.FeedUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Posts a body to a URL a tenant named (a webhook endpoint) under the feed fetch's rules: the URL's form
 * ({@link FeedUrls}), its host resolved once and vetted ({@link FeedAddressVetting}, {@code ORION_FEED_FETCH_ALLOW}),
 * the connection pinned to the vetted addresses, no redirect followed. A wait for the server is bounded by
 * {@code timeout}, the whole call by {@code deadline}; of the answer only the first {@value #EXCERPT_BYTES} bytes are
 * read.
 */
@ApplicationScoped
public class OutboundPost {

    public static final int EXCERPT_BYTES = 1024;

    /** What came of one call: an HTTP status (0 when none came), the start of the answer, or why there was none. */
    public record Outcome(int status, String excerpt, long durationMs, String error) {

        public boolean answered() {
            return status > 0;
        }
    }

    @Inject
    FeedAddressVetting vetting;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    public Outcome post(URI url, Map<String, String> headers, byte[] json, Duration timeout, Duration deadline, String userAgent) {
        long start = System.nanoTime();
        String host;
        List<InetAddress> addresses;
        try {
            host = FeedUrls.check(url);
            addresses = vetting.vet(host);
        } catch (FeedUnavailableException e) {
            return new Outcome(0, null, elapsed(start), e.operatorReason());
        }
        var post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        Future<?> cutOff = scheduler.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        CloseableHttpClient client = PinnedClients.forHost(host, addresses, timeout, userAgent);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, post, null);
            String excerpt = null;
            if (response.getEntity() != null) {
                try (InputStream body = response.getEntity().getContent()) {
                    excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    excerpt = null; // the status is what counts; an answer cut short is no excerpt
                }
            }
            return new Outcome(response.getCode(), excerpt, elapsed(start), null);
        } catch (IOException | RuntimeException e) {
            boolean late = System.nanoTime() - start >= deadline.toNanos();
            return new Outcome(0, null, elapsed(start), late ? "no answer within " + deadline : HttpFeedDownloader.describe(e));
        } finally {
            cutOff.cancel(false);
            post.cancel(); // drops the connection: what the server still sends is not read
            closeQuietly(response);
            closeQuietly(client);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // the call is over either way
        }
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
