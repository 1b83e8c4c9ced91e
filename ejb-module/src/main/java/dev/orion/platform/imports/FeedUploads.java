package dev.orion.platform.imports;

import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.imports.fetch.HttpFeedDownloader;
import dev.orion.platform.storage.StorageBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

/**
 * Keeps an uploaded (or fetched) feed in storage for an import job, refusing what cannot be a feed (empty,
 * binary) before any job starts, and counting its lines on the way for the job's progress.
 */
@ApplicationScoped
public class FeedUploads {

    /** How every stored feed's key ends, so the feeds of purged imports are told from other stored files. */
    public static final String FEED_SUFFIX = ".feed";

    @Inject
    StorageBackend storage;

    @Inject
    HttpFeedDownloader downloader;

    /** A stored feed; {@code lines} is null when lines are not rows (gzipped, or XML). */
    public record StoredFeed(String storageKey, Long lines) {
    }

    public StoredFeed store(String folder, InputStream upload) {
        return storeAt(newKey(folder), upload);
    }

    /** Whether the feed at {@code key} is still in storage (uploads go with their jobs, see ImportFilesPurge). */
    public boolean isStored(String key) {
        return storage.exists(key);
    }

    /** Where a new feed of {@code folder} goes: a feed fetched by its job is stored under a key chosen up front. */
    public String newKey(String folder) {
        return folder + "/" + UUID.randomUUID() + FEED_SUFFIX;
    }

    private StoredFeed storeAt(String key, InputStream upload) {
        try (var feed = new BufferedInputStream(upload, 65536); var out = storage.create(key)) {
            boolean gzipped = FeedFiles.isGzip(feed);
            if (!gzipped && FeedFiles.looksBinary(feed)) {
                throw new InvalidRequestException("The feed is not a text file (it holds NUL bytes); send a text feed, gzipped or not");
            }
            boolean xml = !gzipped && FeedFiles.looksLikeXml(feed);
            var counting = new LineCountingInputStream(feed);
            if (counting.transferTo(out) == 0) {
                throw new InvalidRequestException("The feed is empty");
            }
            // a gzipped feed's lines are only known once unpacked; XML has items, not lines
            return new StoredFeed(key, gzipped || xml ? null : counting.lines());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the feed", e);
        }
    }

    /**
     * Fetches a feed from its URL into storage at {@code key} (from the import job, never a request thread); a fetch
     * that fails, for whatever reason, is a {@link FeedUnavailableException}, and nothing is left at {@code key}.
     */
    public StoredFeed fetchInto(String key, URI url) {
        try (InputStream feed = downloader.open(url)) {
            return storeAt(key, feed);
        } catch (IOException e) {
            throw FeedUnavailableException.notFetched("could not read " + url + ": " + e);
        } catch (RuntimeException e) {
            forget(key);
            throw e;
        }
    }

    /** A feed cut off at its cap or deadline is no feed: its part is not kept. */
    private void forget(String key) {
        try {
            if (storage.exists(key)) {
                storage.delete(key);
            }
        } catch (IOException e) {
            // housekeeping purges what is left; the fetch has failed either way
        }
    }
}
