package dev.orion.vendors.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A store selling through Orion; every product, customer and order belongs to exactly one vendor. */
@Entity
@Table(name = "vendors")
public class Vendor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 10)
    private String locale = "en";

    @Column(name = "feed_url", length = 2000)
    private String feedUrl;

    @Column(nullable = false)
    private boolean active = true;

    /** The marketplace orders feed (JSON Lines) the scheduled order import reads, if the vendor has one. */
    @Column(name = "orders_feed_url", length = 2000)
    private String ordersFeedUrl;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    private long version;

    protected Vendor() {
    }

    public Vendor(String code, String name) {
        this.code = requireCode(code);
        rename(name);
    }

    private static String requireCode(String code) {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("Vendor code must be 2-63 lowercase letters, digits or dashes");
        }
        return code;
    }

    public final void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("Vendor name is required");
        }
        this.name = newName.strip();
    }

    public void deactivate() {
        this.active = false;
    }

    public void changeLocale(String newLocale) {
        this.locale = Objects.requireNonNull(newLocale);
    }

    public void changeFeedUrl(String url) {
        this.feedUrl = url;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getLocale() { return locale; }
    public String getFeedUrl() { return feedUrl; }
    public boolean isActive() { return active; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
