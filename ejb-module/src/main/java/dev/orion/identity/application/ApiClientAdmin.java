package dev.orion.identity.application;

import dev.orion.identity.domain.ApiClient;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Creates, lists, rotates and revokes API clients. Secrets are random, shown once, stored as bcrypt. Each change
 * is recorded in the audit log for whoever made it (the admin API's client or a console user).
 */
@Stateless
public class ApiClientAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    dev.orion.vendors.application.VendorDirectory vendors;

    @Inject
    AuditLog audit;

    public ClientCredentials create(Actor who, String name, String role, Long vendorId, String ratePlan, String scope) {
        String clientId = "cl_" + random(12);
        String secret = random(32);
        var client = new ApiClient(clientId, name, hasher.hash(secret), role, vendorId);
        if (ratePlan != null) {
            client.changeRatePlan(ratePlan);
        }
        if (scope != null) {
            client.changeScope(scope);
        }
        em.persist(client);
        audit.record(who, vendorId, "api-client.create", "api-client", clientId, (ratePlan == null ? role : role + ", plan " + ratePlan)
                + (ApiClient.SCOPE_READ.equals(client.getScope()) ? ", scope " + ApiClient.SCOPE_READ : ""));
        return new ClientCredentials(clientId, secret);
    }

    public List<ApiClientView> list() {
        return em.createQuery("SELECT c FROM ApiClient c ORDER BY c.id", ApiClient.class).getResultStream().map(ApiClientView::of).toList();
    }

    public Optional<ClientCredentials> rotateSecret(Actor who, String clientId) {
        return find(clientId).filter(c -> !c.isRevoked()).map(client -> {
            String secret = random(32);
            client.rotateSecret(hasher.hash(secret));
            audit.record(who, null, "api-client.rotate-secret", "api-client", clientId, null);
            return new ClientCredentials(clientId, secret);
        });
    }

    /** @return false when there is no such client */
    public boolean revoke(Actor who, String clientId) {
        Optional<ApiClient> client = find(clientId);
        client.ifPresent(c -> {
            c.revoke();
            audit.record(who, null, "api-client.revoke", "api-client", clientId, null);
        });
        return client.isPresent();
    }

    /** @return false when there is no such client */
    public boolean changeRatePlan(Actor who, String clientId, String plan) {
        Optional<ApiClient> client = find(clientId);
        client.ifPresent(c -> {
            c.changeRatePlan(plan);
            audit.record(who, null, "api-client.rate-plan", "api-client", clientId, plan);
        });
        return client.isPresent();
    }

    /** Whether the client may still use its tokens: it exists, is not revoked, and its vendor (if any) is active. */
    public boolean active(String clientId) {
        return find(clientId).map(c -> !c.isRevoked() && (c.getVendorId() == null || vendors.isActive(c.getVendorId()))).orElse(false);
    }

    private Optional<ApiClient> find(String clientId) {
        return em.createQuery("SELECT c FROM ApiClient c WHERE c.clientId = :id", ApiClient.class)
                .setParameter("id", clientId).getResultStream().findFirst();
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
