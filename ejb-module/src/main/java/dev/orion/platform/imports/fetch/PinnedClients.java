package dev.orion.platform.imports.fetch;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client every outbound call to a tenant's URL uses (a feed fetch, a webhook delivery): it connects only to
 * the addresses {@link FeedAddressVetting} cleared for the one host it is for, follows no redirect, retries nothing,
 * keeps no cookies and decompresses nothing.
 */
final class PinnedClients {

    private PinnedClients() {
    }

    /** {@code timeout} bounds connecting and every wait for the server's next bytes. */
    static CloseableHttpClient forHost(String host, List<InetAddress> addresses, Duration timeout, String userAgent) {
        Timeout wait = Timeout.ofMilliseconds(timeout.toMillis());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedDnsResolver(host, addresses))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(wait).setSocketTimeout(wait).build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(wait)
                        .setConnectionRequestTimeout(wait).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression() // a feed is stored as served; a webhook's answer is only excerpted
                .setUserAgent(userAgent)
                .build();
    }
}
