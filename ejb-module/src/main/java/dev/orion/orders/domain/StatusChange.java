package dev.orion.orders.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One step of an order's timeline. */
@Entity
@Table(name = "order_status_history")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private OrderStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private OrderStatus to;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private OffsetDateTime changedAt = OffsetDateTime.now();

    @Column(name = "changed_by", updatable = false)
    private String changedBy;

    protected StatusChange() {
    }

    public StatusChange(Long orderId, OrderStatus from, OrderStatus to, String changedBy) {
        this.orderId = orderId;
        this.from = from;
        this.to = to;
        this.changedBy = changedBy;
    }

    public OrderStatus getFrom() { return from; }
    public OrderStatus getTo() { return to; }
    public OffsetDateTime getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
}
