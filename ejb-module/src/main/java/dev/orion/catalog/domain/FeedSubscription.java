package dev.orion.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A vendor's product-feed subscription: where its feed is fetched from, in which format and mode, with which
 * (encrypted) credentials, and what the last fetched feed was (its validators and content hash), so an
 * unchanged feed is known without importing it. When it runs is its schedule's business.
 */
@Entity
@Table(name = "feed_subscriptions")
public class FeedSubscription {

    public static final List<String> FORMATS = List.of("auto", "google_tsv", "google_xml", "shopify_csv");
    public static final List<String> CREDENTIAL_TYPES = List.of("basic", "header");

    @Id
    @Column(name = "vendor_id")
    private Long vendorId;

    @Column(name = "schedule_id", nullable = false)
    private long scheduleId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false)
    private String format;

    @Column(nullable = false)
    private String mode;

    /** AES-GCM ciphertext, Base64: only the sync reads it back. */
    @Column
    private String credentials;

    @Column(name = "credentials_type")
    private String credentialsType;

    @Column
    private String etag;

    @Column(name = "last_modified")
    private String lastModified;

    @Column(name = "content_sha256")
    private String contentSha256;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected FeedSubscription() {
    }

    public FeedSubscription(long vendorId, long scheduleId) {
        this.vendorId = vendorId;
        this.scheduleId = scheduleId;
    }

    /** New settings; a new URL, format or mode forgets the last feed, so the next sync imports whatever it finds. */
    public void configure(String newUrl, String newFormat, String newMode) {
        if (!FORMATS.contains(newFormat)) {
            throw new IllegalArgumentException("format must be one of " + String.join(", ", FORMATS) + ", was: " + newFormat);
        }
        if (!newUrl.equals(url) || !newFormat.equals(format) || !newMode.equals(mode)) {
            forgetLastFeed();
        }
        url = newUrl;
        format = newFormat;
        mode = newMode;
        updatedAt = OffsetDateTime.now();
    }

    /** Sets (ciphertext of {@code type}) or, with nulls, removes the credentials; other credentials mean another answer. */
    public void changeCredentials(String type, String ciphertext) {
        if ((type == null) != (ciphertext == null) || (type != null && !CREDENTIAL_TYPES.contains(type))) {
            throw new IllegalArgumentException("credentials type must be basic or header");
        }
        credentialsType = type;
        credentials = ciphertext;
        forgetLastFeed();
        updatedAt = OffsetDateTime.now();
    }

    /** The feed that was fetched last, to compare the next one with. */
    public void fetched(String newEtag, String newLastModified, String sha256) {
        etag = newEtag;
        lastModified = newLastModified;
        contentSha256 = sha256;
    }

    private void forgetLastFeed() {
        etag = null;
        lastModified = null;
        contentSha256 = null;
    }

    public Long getVendorId() { return vendorId; }
    public long getScheduleId() { return scheduleId; }
    public String getUrl() { return url; }
    public String getFormat() { return format; }
    public String getMode() { return mode; }
    public String getCredentials() { return credentials; }
    public String getCredentialsType() { return credentialsType; }
    public String getEtag() { return etag; }
    public String getLastModified() { return lastModified; }
    public String getContentSha256() { return contentSha256; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
