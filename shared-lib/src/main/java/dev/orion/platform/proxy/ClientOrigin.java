package dev.orion.platform.proxy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request comes from, as far as we can tell: the client's address (already resolved through trusted
 * proxies by {@link ForwardedRequestHandler}) and, behind Cloudflare, its country.
 */
public final class ClientOrigin {

    /** Cloudflare's two-letter country of the client; only present when a trusted proxy sent it. */
    public static final String COUNTRY_HEADER = "CF-IPCountry";

    private ClientOrigin() {
    }

    /** The country code, or null when unknown (no trusted proxy told us, or Cloudflare's XX/T1). */
    public static String country(HttpServletRequest request) {
        String country = request.getHeader(COUNTRY_HEADER);
        return country != null && country.strip().matches("[A-Z]{2}") && !country.strip().equals("XX") ? country.strip() : null;
    }

    /** {@code 203.0.113.9} or {@code 203.0.113.9 (DE)}, for log lines. */
    public static String describe(HttpServletRequest request) {
        String country = country(request);
        return request.getRemoteAddr() + (country == null ? "" : " (" + country + ")");
    }
}
