package dev.orion.orders.domain;

import dev.orion.platform.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One SKU on an order; title and price are copied so later catalogue changes do not rewrite history. */
@Entity
@Table(name = "order_lines")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "product_id", updatable = false)
    private Long productId;

    @Column(nullable = false, updatable = false, length = 100)
    private String sku;

    @Column(nullable = false, updatable = false, length = 500)
    private String title;

    @Column(nullable = false, updatable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false, updatable = false, precision = 14, scale = 2)
    private BigDecimal unitPrice;

    protected OrderLine() {
    }

    OrderLine(Order order, int lineNo, Long productId, String sku, String title, int quantity, BigDecimal unitPrice) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Quantity must be positive for SKU " + sku);
        }
        this.order = order;
        this.lineNo = lineNo;
        this.productId = productId;
        this.sku = sku;
        this.title = title;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public int getLineNo() { return lineNo; }
    public Long getProductId() { return productId; }
    public String getSku() { return sku; }
    public String getTitle() { return title; }
    public int getQuantity() { return quantity; }
    public Money getUnitPrice() { return new Money(unitPrice, order.getTotal().currency()); }
}
