package dev.orion.platform.proxy;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.SecureCookieCommitListener;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * Runs first for every request to the API and the console. From a trusted proxy it believes the forwarding
 * headers: the client's address (X-Forwarded-For, CF-Connecting-IP) becomes the request's remote address, and
 * X-Forwarded-Proto/-Host its scheme and host, so that redirects, links, rate limits and audit records are right
 * behind TLS termination. From anyone else those headers are removed, so no later code can be fooled by them.
 * Over HTTPS it adds HSTS and marks every cookie Secure.
 */
final class ForwardedRequestHandler implements HttpHandler {

    static final HttpString CF_CONNECTING_IP = HttpString.tryFromString("CF-Connecting-IP");
    static final HttpString CF_IPCOUNTRY = HttpString.tryFromString(ClientOrigin.COUNTRY_HEADER);
    private static final List<HttpString> FORWARDING = List.of(Headers.X_FORWARDED_FOR, Headers.X_FORWARDED_PROTO,
            Headers.X_FORWARDED_HOST, Headers.X_FORWARDED_PORT, Headers.FORWARDED, CF_CONNECTING_IP, CF_IPCOUNTRY);
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    private final HttpHandler next;
    private final TrustedProxies proxies;

    ForwardedRequestHandler(HttpHandler next, TrustedProxies proxies) {
        this.next = next;
        this.proxies = proxies;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getRequestHeaders();
        String peer = exchange.getSourceAddress().getAddress().getHostAddress();
        if (proxies.trusted(peer)) {
            String client = proxies.clientAddress(peer, headers.getFirst(Headers.X_FORWARDED_FOR), headers.getFirst(CF_CONNECTING_IP));
            TrustedProxies.literal(client).ifPresent(address -> exchange.setSourceAddress(new InetSocketAddress(address, 0)));
            String scheme = firstValue(headers.getFirst(Headers.X_FORWARDED_PROTO));
            if ("https".equals(scheme) || "http".equals(scheme)) {
                exchange.setRequestScheme(scheme);
            }
            String host = firstValue(headers.getFirst(Headers.X_FORWARDED_HOST));
            if (!host.isEmpty()) {
                headers.put(Headers.HOST, host);
            }
        } else {
            FORWARDING.forEach(headers::remove);
        }
        if (exchange.isSecure()) {
            exchange.addResponseCommitListener(SecureCookieCommitListener.INSTANCE); // Undertow's own, as its secure-cookie handler does
            exchange.addResponseCommitListener(response -> response.getResponseHeaders().put(Headers.STRICT_TRANSPORT_SECURITY, HSTS));
        }
        next.handleRequest(exchange);
    }

    /** The value the proxy nearest the client set, when a chain of proxies appended theirs (a, b). */
    private static String firstValue(String header) {
        if (header == null) {
            return "";
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip().toLowerCase(Locale.ROOT);
    }
}
