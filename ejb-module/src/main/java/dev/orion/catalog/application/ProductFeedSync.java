package dev.orion.catalog.application;

import dev.orion.catalog.domain.FeedSubscription;
import dev.orion.catalog.domain.FeedSyncAttempt;
import dev.orion.catalog.domain.FeedSyncAttempt.Outcome;
import dev.orion.platform.crypto.SecretCipher;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.imports.FeedUnavailableException;
import dev.orion.platform.imports.FeedUploads;
import dev.orion.platform.imports.fetch.HttpFeedDownloader;
import dev.orion.platform.scheduling.ScheduledTask;
import dev.orion.platform.storage.StorageBackend;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The {@value FeedSyncs#TASK} task: syncs one vendor's product feed (the schedule's parameter {@code vendor_id}).
 * The fetch is conditional (the last answer's ETag and Last-Modified) and goes through the feed URL guard
 * ({@link HttpFeedDownloader}: public addresses only, unless allowed; size cap; deadline). A 304, or a body whose
 * SHA-256 is the last imported feed's, is SKIPPED and starts nothing; a changed feed is stored and imported.
 * Each attempt is one history row. The schedule's claim makes one server run it at a time.
 */
@ApplicationScoped
public class ProductFeedSync implements ScheduledTask {

    private static final Logger LOG = Logger.getLogger(ProductFeedSync.class.getName());
    private static final int HEAD = 65536;

    @EJB
    FeedSyncs syncs;

    @EJB
    ProductImports imports;

    @Inject
    HttpFeedDownloader downloader;

    @Inject
    FeedUploads uploads;

    @Inject
    StorageBackend storage;

    @Inject
    SecretCipher cipher;

    @Inject
    VendorDirectory vendors;

    @Override
    public String name() {
        return FeedSyncs.TASK;
    }

    @Override
    public String run(Map<String, String> parameters) {
        String vendor = parameters.get("vendor_id");
        if (vendor == null || !vendor.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("The schedule's parameters need vendor_id, the vendor whose feed is synced");
        }
        return sync(Long.parseLong(vendor));
    }

    /** One attempt; returns its one-line summary for the schedule's run history. */
    public String sync(long vendorId) {
        FeedSubscription subscription = syncs.subscription(vendorId).orElse(null);
        if (subscription == null) {
            return "vendor " + vendorId + " has no feed sync";
        }
        if (!vendors.isActive(vendorId)) {
            return "vendor " + vendorId + " is inactive: its feed is not synced";
        }
        OffsetDateTime at = OffsetDateTime.now();
        Map<String, String> headers = new LinkedHashMap<>();
        if (subscription.getEtag() != null) {
            headers.put("If-None-Match", subscription.getEtag());
        }
        if (subscription.getLastModified() != null) {
            headers.put("If-Modified-Since", subscription.getLastModified());
        }
        try {
            headers.putAll(credentialHeaders(subscription));
        } catch (IllegalStateException e) {
            LOG.warning(() -> "Feed sync of vendor " + vendorId + ": " + e.getMessage());
            return failed(vendorId, at, null, "The feed's credentials cannot be read on this server; set them again.");
        }
        HttpFeedDownloader.Answer answer;
        try {
            answer = downloader.fetch(URI.create(subscription.getUrl()), headers);
        } catch (FeedUnavailableException e) {
            LOG.warning(() -> "Feed sync of vendor " + vendorId + " not fetched from " + subscription.getUrl() + ": " + e.operatorReason());
            return failed(vendorId, at, null, e.getMessage());
        }
        if (answer.status() == 304) {
            syncs.record(new FeedSyncAttempt(vendorId, at, Outcome.SKIPPED, 304, null, null, null), null, null, null);
            return "SKIPPED: not modified (HTTP 304)";
        }
        if (answer.body() == null) {
            LOG.warning(() -> "Feed sync of vendor " + vendorId + ": " + subscription.getUrl() + " answered HTTP " + answer.status());
            return failed(vendorId, at, answer.status(), FeedUnavailableException.NOT_FETCHED + " The feed server answered HTTP " + answer.status() + ".");
        }
        var read = new Digesting(answer.body());
        FeedUploads.StoredFeed feed;
        try {
            feed = uploads.store("uploads/" + vendorId, read);
        } catch (FeedUnavailableException e) {
            LOG.warning(() -> "Feed sync of vendor " + vendorId + " cut off reading " + subscription.getUrl() + ": " + e.operatorReason());
            return failed(vendorId, at, 200, e.getMessage());
        } catch (InvalidRequestException e) {
            return failed(vendorId, at, 200, e.getMessage());
        }
        String sha256 = read.sha256();
        if (sha256.equals(subscription.getContentSha256())) {
            discard(feed);
            syncs.record(new FeedSyncAttempt(vendorId, at, Outcome.SKIPPED, 200, read.count, null, null), answer.etag(), answer.lastModified(), sha256);
            return "SKIPPED: the same " + read.count + " bytes as the last feed";
        }
        String found = FeedFormatSniffer.formatOf(read.head.toByteArray());
        if (!subscription.getFormat().equals("auto") && !subscription.getFormat().equals(found)) {
            discard(feed);
            return failed(vendorId, at, 200, "The feed is " + describe(found) + ", not " + subscription.getFormat()
                    + " as the sync is set; nothing was imported. Set the format to auto, or to the feed's.");
        }
        long importId = imports.startStored(vendorId, feed, subscription.getMode(), "feed sync " + subscription.getUrl(), Actor.system(FeedSyncs.TASK));
        syncs.record(new FeedSyncAttempt(vendorId, at, Outcome.FETCHED, 200, read.count, importId, null), answer.etag(), answer.lastModified(), sha256);
        return "FETCHED " + read.count + " bytes: import " + importId;
    }

    private String failed(long vendorId, OffsetDateTime at, Integer status, String error) {
        syncs.record(new FeedSyncAttempt(vendorId, at, Outcome.FAILED, status, null, null, error), null, null, null);
        return "FAILED: " + error;
    }

    private static String describe(String format) {
        return format.equals("unknown") ? "in no format Orion recognises" : format;
    }

    private Map<String, String> credentialHeaders(FeedSubscription subscription) {
        if (subscription.getCredentials() == null) {
            return Map.of();
        }
        JsonObject plain;
        try (var reader = Json.createReader(new StringReader(cipher.decrypt(FeedSyncs.credentialsContext(subscription.getVendorId()), subscription.getCredentials())))) {
            plain = reader.readObject();
        }
        if ("basic".equals(plain.getString("type"))) {
            String pair = plain.getString("username") + ":" + plain.getString("password");
            return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Map.of(plain.getString("name"), plain.getString("value"));
    }

    private void discard(FeedUploads.StoredFeed feed) {
        try {
            storage.delete(feed.storageKey());
        } catch (IOException e) {
            LOG.warning(() -> "Unchanged feed " + feed.storageKey() + " not deleted (housekeeping will): " + e.getMessage());
        }
    }

    /** The feed as it is read: its SHA-256, its length and its first bytes (to name its format). */
    private static final class Digesting extends FilterInputStream {

        private final MessageDigest digest;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private long count;

        Digesting(InputStream in) {
            super(in);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
                if (head.size() < HEAD) {
                    head.write(buffer, offset, Math.min(n, HEAD - head.size()));
                }
                count += n;
            }
            return n;
        }

        /** Skipped bytes are read all the same: every byte must pass through the digest. */
        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[8192];
            long skipped = 0;
            for (int got; skipped < n && (got = read(discard, 0, (int) Math.min(discard.length, n - skipped))) > 0; ) {
                skipped += got;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
