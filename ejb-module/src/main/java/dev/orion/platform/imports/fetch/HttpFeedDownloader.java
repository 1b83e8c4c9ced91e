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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches a feed a tenant or staff member named by URL, from the import job. Each hop's host is resolved once
 * and vetted ({@link FeedAddressVetting}); the connection goes to those very addresses ({@link PinnedDnsResolver});
 * redirects are followed here, each vetted again, at most {@value #MAX_REDIRECTS}; the body stops at the size cap
 * and the whole fetch at its deadline (a server that drips a byte at a time is cut off too). Every failure is a
 * {@link FeedUnavailableException} whose operator reason says what happened.
 */
@ApplicationScoped
public class HttpFeedDownloader {

    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    @Inject
    FeedAddressVetting vetting;

    /** How long connecting, or any single wait for the server's next bytes, may take. */
    @Inject
    @ConfigProperty(name = "orion.import.fetch-timeout", defaultValue = "PT60S")
    Duration timeout;

    /** How long the whole fetch may take, redirects and body included. */
    @Inject
    @ConfigProperty(name = "orion.feed-fetch.deadline", defaultValue = "PT10M")
    Duration deadline;

    /** Largest feed fetched; by default the upload limit, so a URL cannot bring in more than an upload. */
    @Inject
    @ConfigProperty(name = "orion.feed-fetch.max-bytes")
    Optional<Long> maxBytes;

    @Inject
    @ConfigProperty(name = "orion.max-upload-bytes", defaultValue = "1073741824")
    long maxUploadBytes;

    /** Cuts a fetch off at its deadline even while a read is blocked. */
    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    /**
     * A fetch's answer: a 200's {@code body} (bounded by the cap and the deadline; closing it ends the fetch), or
     * no body for any other final status, such as 304 to a conditional request. {@code etag} and
     * {@code lastModified} are the final answer's validators, if it sent them.
     */
    public record Answer(int status, String etag, String lastModified, InputStream body) {
    }

    /** The feed's body, bounded by the cap and the deadline; closing it ends the fetch. */
    public InputStream open(URI url) {
        Answer answer = fetch(url, Map.of());
        if (answer.body() == null) {
            throw FeedUnavailableException.notFetched(url + " answered HTTP " + answer.status());
        }
        return answer.body();
    }

    /**
     * Fetches {@code url} like {@link #open}, sending {@code headers} (validators for a conditional request,
     * credentials) to the URL's own origin only: a redirect elsewhere gets none of them. Any final status is
     * answered, for the caller to judge; everything else that fails is a {@link FeedUnavailableException}.
     */
    public Answer fetch(URI url, Map<String, String> headers) {
        Instant end = Instant.now().plus(deadline);
        long cap = maxBytes.orElse(maxUploadBytes);
        URI current = url;
        for (int hop = 0; ; hop++) {
            String host = FeedUrls.check(current);
            List<InetAddress> addresses = vetting.vet(host);
            CloseableHttpClient client = client(host, addresses);
            var get = new HttpGet(current);
            get.setHeader("Accept", "*/*");
            if (sameOrigin(url, current)) {
                headers.forEach(get::setHeader);
            }
            Future<?> cutOff = scheduler.schedule(get::cancel, Math.max(1, Duration.between(Instant.now(), end).toMillis()), TimeUnit.MILLISECONDS);
            Runnable release = () -> {
                cutOff.cancel(false);
                get.cancel(); // drops the connection at once: closing alone could drain what a hostile server still sends
                closeQuietly(client);
            };
            ClassicHttpResponse response;
            try {
                response = client.executeOpen(null, get, null);
            } catch (IOException | RuntimeException e) {
                release.run();
                throw FeedUnavailableException.notFetched(Instant.now().isAfter(end)
                        ? "no answer from " + current + " within the deadline of " + deadline
                        : "could not fetch " + current + ": " + describe(e));
            }
            int status = response.getCode();
            if (REDIRECTS.contains(status)) {
                Header location = response.getFirstHeader("Location");
                release.run();
                closeQuietly(response);
                if (location == null || hop == MAX_REDIRECTS) {
                    throw FeedUnavailableException.notFetched(current + " answered HTTP " + status
                            + (location == null ? " without a Location" : ", more than " + MAX_REDIRECTS + " redirects"));
                }
                current = FeedUrls.next(current, location.getValue());
                continue;
            }
            HttpEntity entity = response.getEntity();
            String etag = valueOf(response.getFirstHeader("ETag"));
            String lastModified = valueOf(response.getFirstHeader("Last-Modified"));
            if (status != 200) {
                release.run();
                closeQuietly(response);
                return new Answer(status, etag, lastModified, null);
            }
            if (entity == null) {
                release.run();
                closeQuietly(response);
                throw FeedUnavailableException.notFetched(current + " answered HTTP " + status + " without a body");
            }
            if (entity.getContentLength() > cap) {
                release.run();
                closeQuietly(response);
                throw FeedUnavailableException.notFetched(current + " announced " + entity.getContentLength() + " bytes, over the cap of " + cap);
            }
            try {
                return new Answer(status, etag, lastModified, new BoundedFeedStream(entity.getContent(), current, cap, end, () -> {
                    release.run();
                    closeQuietly(response);
                }));
            } catch (IOException e) {
                release.run();
                closeQuietly(response);
                throw FeedUnavailableException.notFetched("could not read " + current + ": " + describe(e));
            }
        }
    }

    /** A client for one hop: it can only connect to the vetted addresses of {@code host}, follows nothing itself. */
    private CloseableHttpClient client(String host, List<InetAddress> addresses) {
        return PinnedClients.forHost(host, addresses, timeout, "Orion feed fetch");
    }

    private static boolean sameOrigin(URI first, URI current) {
        return first.getScheme().equalsIgnoreCase(current.getScheme()) && first.getHost().equalsIgnoreCase(current.getHost())
                && first.getPort() == current.getPort();
    }

    private static String valueOf(Header header) {
        return header == null ? null : header.getValue();
    }

    static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()).toLowerCase(Locale.ROOT);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the fetch is over either way
        }
    }
}
