package dev.orion.orders.domain;

import dev.orion.platform.domain.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A customer's order with one vendor. The order guards its own lifecycle: see {@link #moveTo}. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private Long vendorId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false, updatable = false)
    private Customer customer;

    @Column(name = "external_id", length = 100, updatable = false)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status = OrderStatus.PENDING;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalAmount = BigDecimal.ZERO;

    @Column(name = "tracking_number", length = 100)
    private String trackingNumber;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    @Version
    private long version;

    protected Order() {
    }

    public Order(Customer customer, String currency, String externalId) {
        this.customer = customer;
        this.vendorId = customer.getVendorId();
        this.currency = currency;
        this.externalId = externalId;
    }

    /** An order a marketplace took and was paid for: dated when it was placed there. Lines are added next. */
    public static Order placedOnMarketplace(Customer customer, String currency, String externalId, OffsetDateTime placedAt) {
        var order = new Order(customer, currency, externalId);
        order.createdAt = placedAt;
        return order;
    }

    public void addLine(Long productId, String sku, String title, int quantity, Money unitPrice) {
        if (status != OrderStatus.PENDING) {
            throw new IllegalStateException("Lines can only be added while the order is PENDING");
        }
        if (!unitPrice.currency().equals(currency)) {
            throw new IllegalArgumentException("Line currency " + unitPrice.currency() + " differs from order currency " + currency);
        }
        BigDecimal total = totalAmount.add(unitPrice.times(quantity).amount());
        if (total.compareTo(Money.MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("The order total would be more than " + Money.MAX_AMOUNT.toPlainString()
                    + " " + currency + ", the largest amount an order can have");
        }
        lines.add(new OrderLine(this, lines.size() + 1, productId, sku, title, quantity, unitPrice.amount()));
        totalAmount = total;
    }

    /**
     * Moves the order to {@code target} if its lifecycle allows it; shipping needs a tracking number.
     *
     * @return the status it left
     */
    public OrderStatus moveTo(OrderStatus target, String tracking) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(id == null ? 0 : id, status, target);
        }
        if (target == OrderStatus.SHIPPED) {
            if (tracking == null || tracking.isBlank()) {
                throw new IllegalArgumentException("Shipping an order needs a tracking number");
            }
            this.trackingNumber = tracking.strip();
        }
        OrderStatus previous = status;
        status = target;
        return previous;
    }

    /**
     * The units this order holds, by product id: what cancelling it gives back. Lines whose product is gone
     * (deleted from the catalogue) hold nothing.
     */
    public Map<Long, Integer> heldStock() {
        var held = new TreeMap<Long, Integer>();
        lines.stream().filter(line -> line.getProductId() != null)
                .forEach(line -> held.merge(line.getProductId(), line.getQuantity(), Integer::sum));
        return held;
    }

    @PreUpdate
    void touch() {
        updatedAt = OffsetDateTime.now();
    }

    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public Customer getCustomer() { return customer; }
    public String getExternalId() { return externalId; }
    public OrderStatus getStatus() { return status; }
    public Money getTotal() { return new Money(totalAmount, currency); }
    public String getTrackingNumber() { return trackingNumber; }
    public List<OrderLine> getLines() { return List.copyOf(lines); }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
