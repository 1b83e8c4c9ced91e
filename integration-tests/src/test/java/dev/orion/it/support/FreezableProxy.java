package dev.orion.it.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between Orion and a server (the SMTP server in crash tests, PostgreSQL in the outage test) that can
 * stop passing on what the client sends: frozen, every conversation stalls where it is, as when a relay stops
 * answering; slowed down, each thing the client sends arrives late, as with a relay that answers every SMTP command
 * slowly; cut, every connection is dropped and new ones are closed at once, as when the server is down.
 */
public final class FreezableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile long delayMillis;
    private volatile boolean cut;

    public FreezableProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        daemon(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing the clients send reaches the server; what the server already answered still arrives. */
    public void freeze() {
        frozen = true;
    }

    /** From now on each piece a client sends (an SMTP command, a chunk of a message) reaches the server {@code delay} late. */
    public void slowDown(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Drops every open connection and lets new ones through. */
    public void thaw() {
        sockets.forEach(FreezableProxy::closeQuietly);
        sockets.clear();
        frozen = false;
    }

    /** The server is gone: every open connection is dropped, and new ones are closed as soon as they arrive. */
    public void cut() {
        cut = true;
        sockets.forEach(FreezableProxy::closeQuietly);
        sockets.clear();
    }

    /** The server is back: new connections reach it again. */
    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket("127.0.0.1", target);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> pump(client, server, true));
                daemon(() -> pump(server, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(Runnable work) {
        var thread = new Thread(work, "freezable-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(Socket from, Socket to, boolean freezable) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                while (freezable && frozen && !from.isClosed()) {
                    Thread.sleep(50);
                }
                if (freezable && delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // a connection ended; its partner is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        thaw();
        closeQuietly(listener);
    }
}
