package dev.orion.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A file on a real HTTP server of the test's own (a vendor's feed at its URL); other paths answer 404. It listens
 * on {@link #HOST}, the one loopback address the test server's feed fetch allow-list opens (integration-tests/pom.xml,
 * ORION_FEED_FETCH_ALLOW): 127.0.0.1 stays refused, as in production.
 */
public final class ServedFile implements AutoCloseable {

    /** Where test feed servers listen: a loopback address of its own, allowed for feed fetches in the tests. */
    public static final String HOST = "127.0.0.7";

    private final HttpServer server;
    private final String path;

    public ServedFile(String path, String content) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            byte[] body = content.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The server's base, http://127.0.0.7:port. */
    public String base() {
        return "http://" + HOST + ":" + server.getAddress().getPort();
    }

    public String url() {
        return base() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
