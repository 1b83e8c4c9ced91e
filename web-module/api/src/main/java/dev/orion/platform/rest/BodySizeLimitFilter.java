package dev.orion.platform.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JSON bodies larger than {@code ORION_API_MAX_JSON_BYTES} (1 MB by default) are refused with 413 before they
 * are read: by Content-Length when given, else while streaming. Feed uploads (JSON Lines as
 * application/x-ndjson too, TSV, CSV, XML, gzip) are not JSON bodies and have their own, larger limit
 * (ORION_MAX_UPLOAD_BYTES).
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class BodySizeLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "orion.api.max-json-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        var type = request.getMediaType();
        if (type == null || !isJson(type)) {
            return;
        }
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    /**
     * application/json and the +json types (merge patches): bodies parsed whole. JSON Lines feeds
     * (application/x-ndjson, application/jsonl) are read as a stream, line by line, and follow the upload limit.
     */
    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    private ClientErrorException tooLarge() {
        return new ClientErrorException("JSON bodies are limited to " + maxBytes + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    private final class Limited extends FilterInputStream {

        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (remaining -= n) < 0) {
                throw tooLarge();
            }
            return n;
        }
    }
}
