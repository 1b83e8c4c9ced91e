package dev.orion.identity.application;

import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.ratelimit.RateLimits;
import dev.orion.platform.ratelimit.RatePlan;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.SortedMap;

/**
 * API client changes from the console: {@link ApiClientAdmin} does them (and audits them, as for the admin API),
 * this checks what a form can get wrong (unknown plan, missing vendor) and names each refusal for the form.
 */
@Stateless
public class ApiClientAdministration {

    @Inject
    ApiClientAdmin clients;

    @Inject
    RateLimits limits;

    @Inject
    VendorDirectory vendors;

    public SortedMap<String, RatePlan> ratePlans() {
        return limits.clientPlans();
    }

    /** @return the credentials, the only time the secret exists in clear */
    public ClientCredentials create(Actor who, String name, String role, Long vendorId, String ratePlan) {
        return create(who, name, role, vendorId, ratePlan, null);
    }

    /**
     * Like {@link #create(Actor, String, String, Long, String)}, with a platform client's scope: {@code batch:read}
     * makes it read-only, {@code batch:operate} (or null) a full platform client.
     */
    public ClientCredentials create(Actor who, String name, String role, Long vendorId, String ratePlan, String scope) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidFieldException("name", "client.error.name", "A client needs a name of at most 200 characters");
        }
        Long vendor = "vendor".equals(role) ? vendorId : null;
        if ("vendor".equals(role) && (vendor == null || vendors.find(vendor).isEmpty())) {
            throw new InvalidFieldException("vendor", "client.error.vendor", "A vendor client needs its vendor");
        }
        requireKnownPlan(ratePlan);
        ClientCredentials created = InvalidFieldException.check("role", "client.error.role",
                () -> clients.create(who, name.strip(), role, vendor, ratePlan, scope));
        return created;
    }

    public ClientCredentials rotateSecret(Actor who, String clientId) {
        ClientCredentials rotated = clients.rotateSecret(who, clientId).orElseThrow(
                () -> new InvalidFieldException(null, "client.error.gone", "This client no longer exists or is revoked"));
        return rotated;
    }

    public void revoke(Actor who, String clientId) {
        if (!clients.revoke(who, clientId)) {
            throw new InvalidFieldException(null, "client.error.gone", "This client no longer exists");
        }
    }

    public void changeRatePlan(Actor who, String clientId, String ratePlan) {
        requireKnownPlan(ratePlan);
        if (!clients.changeRatePlan(who, clientId, ratePlan)) {
            throw new InvalidFieldException(null, "client.error.gone", "This client no longer exists");
        }
    }

    private void requireKnownPlan(String ratePlan) {
        if (ratePlan == null || !limits.clientPlans().containsKey(ratePlan)) {
            throw new InvalidFieldException("ratePlan", "client.error.plan", "Unknown rate plan " + ratePlan);
        }
    }
}
