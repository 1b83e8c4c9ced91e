package dev.orion.it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A file on a real HTTP server of the test's own (a vendor's feed at its URL); other paths answer 404. */
public final class ServedFile implements AutoCloseable {

    private final HttpServer server;
    private final String path;

    public ServedFile(String path, String content) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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

    /** The server's base, http://127.0.0.1:port. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url() {
        return base() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
