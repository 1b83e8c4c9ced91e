package dev.orion.platform.rest;

import dev.orion.platform.idempotency.IdempotencyStore;
import dev.orion.platform.idempotency.StoredResponse;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} on creating POSTs. The first request with a key runs and its answer is kept for
 * 24 hours; a retry gets that answer back with {@code Idempotent-Replayed: true}; the same key with another
 * request is 422; a retry while the first is still running is 409. Answers of 500 and above are not kept,
 * so the retry runs again.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 20)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final String PENDING = IdempotencyFilter.class.getName() + ".pending";
    private static final String ANSWER = IdempotencyFilter.class.getName() + ".answer";
    private static final int FINGERPRINTED_BYTES = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    @Inject
    IdempotencyStore store;

    @Inject
    ApiCaller caller;

    private record Pending(String clientId, String key, String fingerprint) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !caller.isAuthenticated()
                || request.getUriInfo().getPath().endsWith("auth/token")) {
            return;
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            request.abortWith(problem(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters", request));
            return;
        }
        byte[] head = request.getEntityStream().readNBytes(FINGERPRINTED_BYTES);
        request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), request.getEntityStream()));
        String fingerprint = fingerprint(request, head);
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(caller.clientId(), key, fingerprint);
        } catch (RuntimeException e) {
            // without the store a retry could run twice: refuse rather than risk it
            // RedisGuard logs the outage (one line per failed call, none while its breaker is open)
            LOG.log(Level.FINE, "Idempotency store unavailable", e);
            request.abortWith(Problem.of(503, "idempotency-unavailable", "Service unavailable",
                    "Requests with an Idempotency-Key cannot be accepted right now; retry shortly").builder()
                    .header("Retry-After", 5).build());
            return;
        }
        if (claim instanceof IdempotencyStore.Claimed) {
            request.setProperty(PENDING, new Pending(caller.clientId(), key, fingerprint));
        } else if (claim instanceof IdempotencyStore.Replay replay) {
            request.abortWith(replayed(replay.response()));
        } else if (claim instanceof IdempotencyStore.InFlight) {
            request.abortWith(problem(409, "idempotency-in-flight", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry when it has finished", request));
        } else {
            request.abortWith(problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request", request));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING) instanceof Pending pending)) {
            return;
        }
        if (response.getStatus() >= 500) {
            try {
                store.release(pending.clientId(), pending.key());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Idempotency claim not released; it expires on its own", e);
            }
            return;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        if (!response.hasEntity()) {
            keep(pending, new StoredResponse(response.getStatus(), type, location, null));
            return;
        }
        // the body is serialized after this filter: the writer interceptor below stores it
        request.setProperty(ANSWER, new StoredResponse(response.getStatus(), type, location, null));
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Pending pending) || !(context.getProperty(ANSWER) instanceof StoredResponse answer)) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        var copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        });
        context.proceed();
        keep(pending, new StoredResponse(answer.status(), answer.contentType(), answer.location(), copy.toString(StandardCharsets.UTF_8)));
    }

    /**
     * Stores the answer for replays. The request's work is done by now, so a store that fails (Redis lost in a
     * failover) must not turn its answer into a 500: the client gets what happened, and a retry finds the claim in
     * flight (409) until it expires. One line, no stack trace: an outage, not a bug.
     */
    private void keep(Pending pending, StoredResponse answer) {
        try {
            store.complete(pending.clientId(), pending.key(), pending.fingerprint(), answer);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The answer to Idempotency-Key " + pending.key() + " of client " + pending.clientId()
                    + " was not stored (" + e.getClass().getSimpleName() + "); a retry is answered 409 until its claim expires");
        }
    }

    private static Response replayed(StoredResponse stored) {
        var response = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            response.entity(stored.body()).type(stored.contentType());
        }
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        return response.build();
    }

    /** Method, path, query and body (its first megabyte, and its length) identify "the same request". */
    private static String fingerprint(ContainerRequestContext request, byte[] head) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                    + request.getUriInfo().getRequestUri().getRawQuery() + "\n" + request.getLength() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(head);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response problem(int status, String slug, String title, String detail, ContainerRequestContext request) {
        return Problem.of(status, slug, title, detail)
                .instance(request.getUriInfo())
                .response();
    }
}
