package dev.orion.platform.imports;

import dev.orion.platform.InvalidRequestException;
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

    @Inject
    StorageBackend storage;

    @Inject
    HttpFeedDownloader downloader;

    /** A stored feed; {@code lines} is null when lines are not rows (gzipped, or XML). */
    public record StoredFeed(String storageKey, Long lines) {
    }

    public StoredFeed store(String folder, InputStream upload) {
        String key = folder + "/" + UUID.randomUUID() + ".feed";
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

    /** Fetches a feed from its URL into storage; a fetch that fails is a {@link FeedUnavailableException}. */
    public StoredFeed fetch(String folder, URI url) {
        try (InputStream feed = downloader.open(url)) {
            return store(folder, feed);
        } catch (IOException e) {
            throw new FeedUnavailableException("Could not read " + url + ": " + e.getMessage());
        }
    }
}
