package dev.orion.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A back-office user; the Elytron JDBC realm authenticates against this table. */
@Entity
@Table(name = "users")
public class ConsoleUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "vendor_id")
    private Long vendorId;

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false, length = 10)
    private String locale = "en";

    /** Changes whenever what the user's sessions may do changes; sessions stamped otherwise end (see docs/security.md). */
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    @Version
    private long version;

    protected ConsoleUser() {
    }

    public ConsoleUser(String email, String displayName, String passwordHash, Role role, Long vendorId) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("A console user needs a valid email address");
        }
        this.email = email.strip().toLowerCase(java.util.Locale.ROOT);
        rename(displayName);
        this.passwordHash = passwordHash;
        changeRole(role, vendorId);
    }

    public final void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A console user needs a name");
        }
        this.displayName = newName.strip();
    }

    /** VENDOR users belong to exactly one vendor, platform users to none (the table checks the first half too). */
    public final void changeRole(Role newRole, Long newVendorId) {
        if (newRole == null || (newRole == Role.VENDOR) != (newVendorId != null)) {
            throw new IllegalArgumentException("VENDOR users belong to exactly one vendor; platform users to none");
        }
        if (newRole != role || !java.util.Objects.equals(newVendorId, vendorId)) {
            securityStamp++;
        }
        this.role = newRole;
        this.vendorId = newVendorId;
    }

    public void changeLocale(String newLocale) {
        if (newLocale == null || !newLocale.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new IllegalArgumentException("A locale looks like en or fr-CH");
        }
        this.locale = newLocale;
    }

    /** Signing in stops working (the login realm reads only active users); the row stays for the audit trail. */
    public void deactivate() {
        this.active = false;
        securityStamp++;
    }

    /** A new password, already hashed (bcrypt, modular-crypt form, as the login realm reads it). */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        securityStamp++;
    }

    public String getLocale() { return locale; }
    public Long getId() { return id; }
    public String getEmail() { return email; }
    public String getDisplayName() { return displayName; }
    public Role getRole() { return role; }
    public Long getVendorId() { return vendorId; }
    public boolean isActive() { return active; }
    public long getSecurityStamp() { return securityStamp; }
}
