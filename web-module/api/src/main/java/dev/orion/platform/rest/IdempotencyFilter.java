package dev.orion.platform.rest;

import dev.orion.platform.idempotency.ClaimRenewals;
import dev.orion.platform.idempotency.IdempotencyKeys;
import dev.orion.platform.idempotency.StoredResponse;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
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

/**
 * {@code Idempotency-Key} on creating POSTs. The first request with a key claims it ({@link IdempotencyKeys}, in
 * PostgreSQL) and runs in a transaction begun here, which the resource and the EJBs it calls join; its answer is
 * serialized into memory, stored in that same transaction, committed with the change, and only then sent. So the
 * answer exists exactly when the change does: a client that hangs up, a response that cannot be written, change
 * nothing about it. A retry gets that answer back with {@code Idempotent-Replayed: true}; the same key with another
 * request is 422; a retry while the first still runs is 409 (the running request renews its claim). Answers of 500
 * and above roll the change back and are not kept, so the retry runs again. Refusals (4xx) roll back and are kept.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 20)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final String PENDING = IdempotencyFilter.class.getName() + ".pending";
    private static final String ANSWER = IdempotencyFilter.class.getName() + ".answer";
    private static final int FINGERPRINTED_BYTES = 1024 * 1024;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ClaimRenewals renewals;

    @Resource
    UserTransaction transaction;

    @Inject
    ApiCaller caller;

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
        // without the database the claim fails: the problem mapper answers 503 with Retry-After, nothing runs
        IdempotencyKeys.Claim claim = keys.claim(caller.clientId(), key, fingerprint(request, head));
        if (claim instanceof IdempotencyKeys.Claimed claimed) {
            request.setProperty(PENDING, KeyedRequest.begin(keys, renewals, transaction, caller.clientId(), key, claimed.owner()));
        } else if (claim instanceof IdempotencyKeys.Replay replay) {
            request.abortWith(replayed(replay.response()));
        } else if (claim instanceof IdempotencyKeys.InFlight) {
            request.abortWith(problem(409, "idempotency-in-flight", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry when it has finished", request));
        } else {
            request.abortWith(problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request", request));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING) instanceof KeyedRequest keyed)) {
            return;
        }
        if (response.getStatus() >= 500) {
            request.removeProperty(PENDING);
            keyed.abandon();
            return;
        }
        if (!keyed.canCommit()) {
            keyed.rollBack(); // a refusal: its change rolled back, its answer is kept on its own
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        var answer = new StoredResponse(response.getStatus(), type, location, null);
        if (response.hasEntity()) {
            request.setProperty(ANSWER, answer); // the body is serialized after this filter: the interceptor below ends it
            return;
        }
        request.removeProperty(PENDING);
        keyed.finish(answer); // throws if the change could not commit: the problem mapper answers that instead
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof KeyedRequest keyed) || !(context.getProperty(ANSWER) instanceof StoredResponse answer)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING); // an error answer written instead of this one is not handled again
        OutputStream client = context.getOutputStream();
        var body = new ByteArrayOutputStream();
        context.setOutputStream(body);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            keyed.abandon();
            throw e;
        }
        keyed.finish(answer.withBody(body.toByteArray())); // throws if the change could not commit: the client gets that instead
        context.setOutputStream(client);
        body.writeTo(client); // the answer is stored: a client that has gone loses nothing
    }

    private static Response replayed(StoredResponse stored) {
        var response = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.hasBody()) {
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
