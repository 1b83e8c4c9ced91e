package dev.orion.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A B2B system allowed to call the API with OAuth2 client credentials; only a hash of its secret is kept. */
@Entity
@Table(name = "api_clients")
public class ApiClient {

    /** The column's length: a longer id cannot exist, so it is not looked up. */
    public static final int MAX_CLIENT_ID = 64;

    public static final String ROLE_VENDOR = "vendor";
    public static final String ROLE_PLATFORM = "platform";
    /** A platform client's scope that looks at the batch monitor and reaches nothing else. */
    public static final String SCOPE_READ = "batch:read";
    /** A platform client's scope that operates the platform (every platform client before scopes existed). */
    public static final String SCOPE_OPERATE = "batch:operate";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, unique = true, length = 64, updatable = false)
    private String clientId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 100)
    private String secretHash;

    @Column(nullable = false, length = 20, updatable = false)
    private String role;

    @Column(name = "vendor_id", updatable = false)
    private Long vendorId;

    @Column(name = "rate_plan", nullable = false, length = 32)
    private String ratePlan = "standard";

    @Column(nullable = false, length = 20)
    private String scope = SCOPE_OPERATE;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    private long version;

    protected ApiClient() {
    }

    public ApiClient(String clientId, String name, String secretHash, String role, Long vendorId) {
        if (!ROLE_VENDOR.equals(role) && !ROLE_PLATFORM.equals(role)) {
            throw new IllegalArgumentException("API client role must be vendor or platform");
        }
        if (ROLE_VENDOR.equals(role) && vendorId == null) {
            throw new IllegalArgumentException("A vendor API client needs its vendor");
        }
        this.clientId = clientId;
        this.name = name;
        this.secretHash = secretHash;
        this.role = role;
        this.vendorId = vendorId;
    }

    /** Makes a platform client read-only ({@link #SCOPE_READ}) or an operator again ({@link #SCOPE_OPERATE}). */
    public void changeScope(String newScope) {
        if (!SCOPE_READ.equals(newScope) && !SCOPE_OPERATE.equals(newScope)) {
            throw new IllegalArgumentException("An API client's scope is " + SCOPE_READ + " or " + SCOPE_OPERATE);
        }
        if (SCOPE_READ.equals(newScope) && !ROLE_PLATFORM.equals(role)) {
            throw new IllegalArgumentException("Only a platform client can be limited to " + SCOPE_READ);
        }
        this.scope = newScope;
    }

    /**
     * The groups of its tokens, which {@code @RolesAllowed} checks: {@code vendor}; {@code platform} with both batch
     * scopes; or, read-only, {@code batch:read} alone (so it reaches no platform operation at all).
     */
    public java.util.List<String> groups() {
        if (ROLE_VENDOR.equals(role)) {
            return java.util.List.of(ROLE_VENDOR);
        }
        return SCOPE_READ.equals(scope) ? java.util.List.of(SCOPE_READ) : java.util.List.of(ROLE_PLATFORM, SCOPE_READ, SCOPE_OPERATE);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = OffsetDateTime.now();
        }
    }

    public void changeRatePlan(String plan) {
        if (plan == null || !plan.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("A rate plan name is 1-32 lowercase letters, digits, '-' or '_'");
        }
        this.ratePlan = plan;
    }

    public void rotateSecret(String newHash) {
        this.secretHash = newHash;
    }

    public Long getId() { return id; }
    public String getClientId() { return clientId; }
    public String getName() { return name; }
    public String getSecretHash() { return secretHash; }
    public String getRole() { return role; }
    public Long getVendorId() { return vendorId; }
    public String getRatePlan() { return ratePlan; }
    public String getScope() { return scope; }
}
