package dev.orion.identity.application;

import dev.orion.identity.domain.ApiClient;
import java.io.Serializable;

/** An API client as administrators see it (never its secret). */
public record ApiClientView(String clientId, String name, String role, Long vendorId, String ratePlan, boolean revoked, String scope) implements Serializable {

    static ApiClientView of(ApiClient c) {
        return new ApiClientView(c.getClientId(), c.getName(), c.getRole(), c.getVendorId(), c.getRatePlan(), c.isRevoked(), c.getScope());
    }
}
