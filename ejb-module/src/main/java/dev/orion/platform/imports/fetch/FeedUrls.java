package dev.orion.platform.imports.fetch;

import dev.orion.platform.imports.FeedUnavailableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a feed URL must look like before anything is fetched: absolute http or https, with a host. */
public final class FeedUrls {

    private FeedUrls() {
    }

    /** The URL's host; a URL that cannot be a feed's is refused with a message the tenant can act on. */
    public static String check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getHost().isBlank()) {
            throw new FeedUnavailableException("url must be an absolute http or https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new FeedUnavailableException("url must not hold a user name or password");
        }
        return url.getHost();
    }

    /** Where a redirect from {@code from} leads; one that is not an http(s) URL ends the fetch. */
    static URI next(URI from, String location) {
        try {
            URI next = from.resolve(new URI(location.strip()));
            check(next);
            return next;
        } catch (URISyntaxException | IllegalArgumentException | FeedUnavailableException e) {
            throw FeedUnavailableException.notFetched(from + " redirected to " + location + ", not an http(s) URL");
        }
    }
}
