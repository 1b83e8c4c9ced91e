package dev.orion.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Why a product's stock changed, by how much, and what it was afterwards. */
@Entity
@Table(name = "stock_movements")
public class StockMovement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false, updatable = false)
    private Long productId;

    @Column(nullable = false, updatable = false)
    private int delta;

    @Column(name = "stock_after", nullable = false, updatable = false)
    private int stockAfter;

    @Column(nullable = false, updatable = false, length = 200)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected StockMovement() {
    }

    public StockMovement(Product product, int delta, String reason, String actor) {
        this.productId = product.getId();
        this.delta = delta;
        this.stockAfter = product.getStock();
        this.reason = reason;
        this.actor = actor;
    }
}
