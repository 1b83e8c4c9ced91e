package dev.orion.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** Who changed what, when, and from where. Rows are only ever added. */
@Entity
@Table(name = "audit_log")
public class AuditEntry implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt = OffsetDateTime.now();

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "actor_type", nullable = false, updatable = false)
    private String actorType;

    @Column(name = "vendor_id", updatable = false)
    private Long vendorId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "entity_type", nullable = false, updatable = false)
    private String entityType;

    @Column(name = "entity_id", updatable = false)
    private String entityId;

    @Column(name = "client_ip", updatable = false)
    private String clientIp;

    @Column(updatable = false)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(Actor who, Long vendorId, String action, String entityType, String entityId, String details) {
        this.actor = who.name();
        this.actorType = who.type();
        this.clientIp = who.ip();
        this.vendorId = vendorId;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.details = details;
    }

    public Long getId() { return id; }
    public String getActor() { return actor; }
    public String getActorType() { return actorType; }
    public Long getVendorId() { return vendorId; }
    public String getDetails() { return details; }
    public String getAction() { return action; }
    public String getEntityType() { return entityType; }
    public String getEntityId() { return entityId; }
    public String getClientIp() { return clientIp; }
    public OffsetDateTime getOccurredAt() { return occurredAt; }
}
