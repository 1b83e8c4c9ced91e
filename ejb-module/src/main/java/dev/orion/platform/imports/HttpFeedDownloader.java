package dev.orion.platform.imports;

import dev.orion.platform.imports.FeedUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Fetches a feed a client named by URL (http or https only), with timeouts so a dead host cannot hang a request. */
@ApplicationScoped
public class HttpFeedDownloader {

    @Inject
    @ConfigProperty(name = "orion.import.fetch-timeout", defaultValue = "PT60S")
    Duration timeout;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public InputStream open(URI url) {
        if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw new FeedUnavailableException("url must be an absolute http or https URL");
        }
        try {
            var request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "*/*").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new FeedUnavailableException("Fetching " + url + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new FeedUnavailableException("Could not fetch " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException("Interrupted while fetching " + url);
        }
    }
}
