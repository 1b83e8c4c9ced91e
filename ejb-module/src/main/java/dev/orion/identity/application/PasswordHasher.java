package dev.orion.identity.application;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt in modular-crypt form ({@code $2a$12$...}), which is what the Elytron JDBC realm's
 * modular-crypt-mapper reads for console logins; API client secrets use the same hashing.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int COST = 12;

    public String hash(String secret) {
        return new String(BCrypt.with(BCrypt.Version.VERSION_2A).hash(COST, secret.toCharArray()), StandardCharsets.US_ASCII);
    }

    /** A hash of a random secret nobody knows, with the same cost: checking against it costs what a real check costs. */
    private volatile String dummy;

    public String dummyHash() {
        if (dummy == null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            dummy = hash(java.util.HexFormat.of().formatHex(random));
        }
        return dummy;
    }

    public boolean matches(String secret, String hash) {
        return secret != null && hash != null && BCrypt.verifyer().verify(secret.toCharArray(), hash).verified;
    }
}
