package dev.orion.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Something that happened, as clients read it: never changed once written. */
@Entity
@Table(name = "events")
public class Event {

    /** The version of the event's shape, as in the API's path. */
    public static final String API_VERSION = "v1";

    @Id
    private UUID id;

    /** The order events were written in (a sequence): the events API pages by it. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "vendor_id", updatable = false)
    private Long vendorId;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(name = "api_version", nullable = false, updatable = false)
    private String apiVersion = API_VERSION;

    /** JSON text; bound as a string and cast by PostgreSQL (Hibernate's own jsonb binding needs the driver's classes). */
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    @Column(nullable = false, updatable = false)
    private String data;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);

    protected Event() {
    }

    public Event(Long vendorId, String type, String data) {
        this.id = UUID.randomUUID();
        this.vendorId = vendorId;
        this.type = type;
        this.data = data;
    }

    public UUID getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public String getType() { return type; }
    public String getApiVersion() { return apiVersion; }
    public String getData() { return data; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
