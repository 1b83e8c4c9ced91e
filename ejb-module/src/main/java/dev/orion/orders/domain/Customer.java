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

    @Column(nullable = false)
    private boolean active = true;

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

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A customer needs a name");
        }
        this.fullName = newName.strip();
    }

    /** The language of the customer's emails. */
    public void changeLocale(String newLocale) {
        if (newLocale == null || !newLocale.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new IllegalArgumentException("A locale looks like en or fr-CH");
        }
        this.locale = newLocale;
    }

    /** Hidden from the default lists; kept, with its orders, for their history. */
    public void deactivate() {
        this.active = false;
    }

    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public String getEmail() { return email; }
    public String getFullName() { return fullName; }
    public String getLocale() { return locale; }
    public boolean isActive() { return active; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
