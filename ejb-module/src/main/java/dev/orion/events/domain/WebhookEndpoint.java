package dev.orion.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A vendor's URL that wants some event types. Its signing secret is never shown after it was made; a rotation keeps
 * the previous secret signing until the overlap ends, so the receiver can switch without losing a delivery. The
 * secrets it holds are as stored: sealed by the application (WebhookSecrets), or plain in rows from before that.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private Long vendorId;

    @Column(nullable = false)
    private String url;

    private String description;

    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private OffsetDateTime previousSecretUntil;

    @Column(name = "failing_since")
    private OffsetDateTime failingSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(long vendorId, String url, String description, List<String> eventTypes, String secret) {
        this.vendorId = vendorId;
        this.url = url;
        this.description = description;
        this.eventTypes = String.join(",", eventTypes);
        this.secret = secret;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public boolean wants(String type) {
        return enabled && eventTypes().contains(type);
    }

    /** The stored secrets that sign a delivery at {@code now}: the current one, and the previous one during a rotation. */
    public List<String> signingSecrets(OffsetDateTime now) {
        var secrets = new ArrayList<String>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new secret signs from now on; the current one goes on signing until {@code overlapEnds}. */
    public void rotate(String newSecret, OffsetDateTime overlapEnds) {
        previousSecret = secret;
        previousSecretUntil = overlapEnds;
        secret = newSecret;
    }

    public void change(String url, String description, List<String> eventTypes, Boolean enabled) {
        if (url != null) {
            this.url = url;
        }
        if (description != null) {
            this.description = description;
        }
        if (eventTypes != null) {
            this.eventTypes = String.join(",", eventTypes);
        }
        if (enabled != null) {
            this.enabled = enabled;
            if (enabled) {
                disabledReason = null;
                failingSince = null;
            } else if (disabledReason == null) {
                disabledReason = "disabled by the vendor";
            }
        }
    }

    public void disable(String reason) {
        enabled = false;
        disabledReason = reason;
    }

    /** A delivery answered 2xx: the endpoint is healthy again. */
    public void succeeded() {
        failingSince = null;
    }

    /** A delivery failed at {@code when}; the endpoint has been failing since its first failure after a success. */
    public void failed(OffsetDateTime when) {
        if (failingSince == null) {
            failingSince = when;
        }
    }

    public Long getId() { return id; }
    public long getVendorId() { return vendorId; }
    public String getUrl() { return url; }
    public String getDescription() { return description; }
    public List<String> eventTypes() { return Arrays.asList(eventTypes.split(",")); }
    public boolean isEnabled() { return enabled; }
    public String getDisabledReason() { return disabledReason; }
    public OffsetDateTime getPreviousSecretUntil() { return previousSecretUntil; }
    public OffsetDateTime getFailingSince() { return failingSince; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
