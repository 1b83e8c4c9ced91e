package dev.orion.identity.application;

import dev.orion.platform.DomainException;
import java.util.Map;

/**
 * Unknown client, wrong secret, revoked client or inactive vendor; deliberately one message for all. An application
 * exception: an expected refusal, which the container neither logs as an error nor wraps.
 */
@jakarta.ejb.ApplicationException // rollback = false, unlike DomainException: a refused login leaves the transaction alone
public class InvalidClientException extends DomainException {

    public InvalidClientException() {
        super(401, "invalid-client", "Invalid client", "Client authentication failed");
    }

    /** The OAuth error code, for clients that read the token endpoint's answer as RFC 6749 says. */
    @Override
    public Map<String, Object> problemMembers() {
        return Map.of("error", "invalid_client");
    }
}
