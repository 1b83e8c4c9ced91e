package dev.orion.orders.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A buyer known to one vendor (the same person buying from two vendors is two customers). */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private Long vendorId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(nullable = false, length = 10)
    private String locale = "en";

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(Long vendorId, String email, String fullName, String locale) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("Customer email is invalid: " + email);
        }
        this.vendorId = vendorId;
        this.email = email.strip();
        this.fullName = fullName == null || fullName.isBlank() ? this.email : fullName.strip();
        this.locale = locale == null ? "en" : locale;
    }

    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public String getEmail() { return email; }
    public String getFullName() { return fullName; }
    public String getLocale() { return locale; }
}
