package dev.orion.platform.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ForwardedRequestHandlerTest {

    private HttpServerExchange seen;
    private final ForwardedRequestHandler handler = new ForwardedRequestHandler(exchange -> seen = exchange, new TrustedProxies("10.0.0.0/8"));

    private static HttpServerExchange from(String peer) {
        var exchange = new HttpServerExchange(null);
        exchange.setSourceAddress(new InetSocketAddress(peer, 40000));
        exchange.setRequestScheme("http");
        exchange.getRequestHeaders().put(Headers.HOST, "orion.internal:8080");
        exchange.getRequestHeaders().put(Headers.X_FORWARDED_FOR, "198.51.100.7, 203.0.113.9");
        exchange.getRequestHeaders().put(Headers.X_FORWARDED_PROTO, "https");
        exchange.getRequestHeaders().put(Headers.X_FORWARDED_HOST, "orion.example.com");
        exchange.getRequestHeaders().put(ForwardedRequestHandler.CF_IPCOUNTRY, "DE");
        return exchange;
    }

    @Test
    void aTrustedProxysHeadersBecomeTheRequestsAddressSchemeAndHost() throws Exception {
        handler.handleRequest(from("10.1.1.1"));

        assertEquals("203.0.113.9", seen.getSourceAddress().getAddress().getHostAddress());
        assertEquals("https", seen.getRequestScheme());
        assertTrue(seen.isSecure());
        assertEquals("orion.example.com", seen.getHostAndPort());
        assertEquals("DE", seen.getRequestHeaders().getFirst(ForwardedRequestHandler.CF_IPCOUNTRY));
    }

    @Test
    void anyoneElsesForwardingHeadersAreRemoved() throws Exception {
        handler.handleRequest(from("192.0.2.50"));

        assertEquals("192.0.2.50", seen.getSourceAddress().getAddress().getHostAddress());
        assertEquals("http", seen.getRequestScheme());
        assertFalse(seen.isSecure());
        assertEquals("orion.internal:8080", seen.getHostAndPort());
        assertNull(seen.getRequestHeaders().getFirst(ForwardedRequestHandler.CF_IPCOUNTRY));
        assertNull(seen.getRequestHeaders().getFirst(Headers.X_FORWARDED_FOR));
    }
}
