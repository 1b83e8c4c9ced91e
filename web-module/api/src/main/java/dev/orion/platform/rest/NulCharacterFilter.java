package dev.orion.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * No text Orion keeps may contain U+0000: PostgreSQL cannot store it in a text column, so a NUL that reached a
 * query would fail there as a server error. Requests carrying one in the path, a query value, a JSON string
 * ({@code \u0000}) or a form value ({@code %00}) are refused with 400 here, before any resource sees them.
 * Feed uploads are bytes, not text, and are judged by the importers.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER + 1)
public class NulCharacterFilter implements ContainerRequestFilter {

    static final String REFUSAL = "Requests may not contain the NUL character (U+0000)";

    @Override
    public void filter(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        if (uri.getPath().indexOf('\0') >= 0 || uri.getQueryParameters().values().stream()
                .flatMap(List::stream).anyMatch(value -> value.indexOf('\0') >= 0)) {
            throw new BadRequestException(REFUSAL);
        }
        MediaType type = request.getMediaType();
        if (type != null && request.hasEntity()) {
            // JSON documents only: JSON Lines and NDJSON feeds (which may also arrive gzipped) are uploads
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                request.setEntityStream(new Scanner(request.getEntityStream(), Scanner.JSON));
            } else if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)) {
                request.setEntityStream(new Scanner(request.getEntityStream(), Scanner.FORM));
            }
        }
    }

    /**
     * Refuses the body as it streams by when it spells a NUL: a raw 0 byte, or the escape of the body's
     * syntax ({@code \u0000} in JSON, outside an escaped backslash; {@code %00} in a form).
     */
    private static final class Scanner extends FilterInputStream {

        static final byte[] JSON = {'\\', 'u', '0', '0', '0', '0'};
        static final byte[] FORM = {'%', '0', '0'};

        private final byte[] escape;
        private int matched;

        Scanner(InputStream in, byte[] escape) {
            super(in);
            this.escape = escape;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                scan((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                scan(buffer[offset + i]);
            }
            return n;
        }

        private void scan(byte b) {
            if (b == 0) {
                throw new BadRequestException(REFUSAL);
            }
            if (escape == JSON && matched == 1 && b == '\\') {
                matched = 0; // "\\" is an escaped backslash: a "u0000" after it is plain text
                return;
            }
            if (b == escape[matched]) {
                matched++;
            } else {
                matched = b == escape[0] ? 1 : 0;
            }
            if (matched == escape.length) {
                throw new BadRequestException(REFUSAL);
            }
        }
    }
}
