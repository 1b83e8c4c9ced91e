package dev.orion.identity.cli;

import dev.orion.identity.application.PasswordHasher;
import dev.orion.identity.application.PasswordResets;
import dev.orion.identity.domain.ApiClient;
import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Creates console users and platform API clients straight in the database, once: asked again, it finds what it
 * made and changes nothing. The rules are the server's: the entities check email, name, role and locale, the
 * password policy is the console's ({@link PasswordResets#MIN_PASSWORD_LENGTH}), hashes are {@link PasswordHasher}'s
 * bcrypt that the login realm and the token endpoint read, and each creation is audited in its transaction.
 * Creations take a transaction-scoped advisory lock, so two runs at once make one account.
 */
final class FirstAccounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Serialises this command's creations against each other (any two runs at once). */
    private static final long LOCK = 0x6f72696f6e61646dL; // "orionadm"

    private final Connection db;
    private final String actor;
    private final PasswordHasher hasher = new PasswordHasher();

    /** @param actor who runs the command, for the audit log */
    FirstAccounts(Connection db, String actor) {
        this.db = db;
        this.actor = actor;
    }

    record Outcome(boolean changed, String message) {
    }

    record NewClient(boolean created, String clientId, String secret, String message) {
    }

    /** @param password asked only when the user is to be created */
    Outcome createUser(String email, String displayName, Role role, String locale, Supplier<String> password) throws SQLException {
        if (role == Role.VENDOR) {
            throw Refusal.of("VENDOR users belong to a vendor: create them in the console (Administration > Users), where the vendor is chosen");
        }
        ConsoleUser wanted = valid(email, displayName, role, locale);
        Outcome existing = existingUser(wanted);
        if (existing != null) {
            return existing;
        }
        String secret = password.get();
        if (secret.length() < PasswordResets.MIN_PASSWORD_LENGTH) {
            throw Refusal.of("The password needs at least " + PasswordResets.MIN_PASSWORD_LENGTH + " characters; nothing changed");
        }
        String hash;
        try {
            hash = hasher.hash(secret);
        } catch (IllegalArgumentException e) { // bcrypt reads at most 72 bytes and refuses more
            throw Refusal.of("This password cannot be hashed (" + e.getMessage() + "); nothing changed");
        }
        return inTransaction(() -> {
            Outcome raced = existingUser(wanted);
            if (raced != null) {
                return raced;
            }
            long id;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO orion.users (email, display_name, password_hash, role, locale)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, wanted.getEmail());
                insert.setString(2, wanted.getDisplayName());
                insert.setString(3, hash);
                insert.setString(4, wanted.getRole().name());
                insert.setString(5, wanted.getLocale());
                try (var row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            audit("user.create", "user", Long.toString(id), wanted.getEmail() + " as " + wanted.getRole() + ", by the admin command");
            return new Outcome(true, "Created console user " + wanted.getEmail() + " (" + wanted.getRole()
                    + "): sign in at /console/ with this email and password");
        });
    }

    /**
     * A platform client named {@code name}, with {@code clientId} or (null) an id made like the console's. The same
     * id, or a live platform client of the same name, is taken as this one made earlier.
     */
    NewClient createPlatformClient(String name, String clientId) throws SQLException {
        if (name.isBlank() || name.length() > 200) {
            throw Refusal.of("A client needs a name of at most 200 characters");
        }
        if (clientId != null && !clientId.matches("[A-Za-z0-9][A-Za-z0-9._-]{2," + (ApiClient.MAX_CLIENT_ID - 1) + "}")) {
            throw Refusal.of("A client id is 3-" + ApiClient.MAX_CLIENT_ID + " letters, digits, '.', '_' or '-'");
        }
        String id = clientId != null ? clientId : "cl_" + random(12);
        String secret = random(32);
        var wanted = new ApiClient(id, name, hasher.hash(secret), ApiClient.ROLE_PLATFORM, null);
        return inTransaction(() -> {
            NewClient existing = existingClient(wanted, clientId != null);
            if (existing != null) {
                return existing;
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO orion.api_clients (client_id, name, secret_hash, role) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, wanted.getClientId());
                insert.setString(2, wanted.getName());
                insert.setString(3, wanted.getSecretHash());
                insert.setString(4, wanted.getRole());
                insert.executeUpdate();
            }
            audit("api-client.create", "api-client", wanted.getClientId(), "platform, plan standard, by the admin command");
            return new NewClient(true, wanted.getClientId(), secret, "Created platform API client " + wanted.getClientId()
                    + " (" + wanted.getName() + ")");
        });
    }

    private static ConsoleUser valid(String email, String displayName, Role role, String locale) {
        try {
            var user = new ConsoleUser(email, displayName == null ? email : displayName, null, role, null);
            user.changeLocale(locale);
            return user;
        } catch (IllegalArgumentException e) {
            throw Refusal.of(e.getMessage());
        }
    }

    private Outcome existingUser(ConsoleUser wanted) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT role, active FROM orion.users WHERE lower(email) = lower(?)")) {
            find.setString(1, wanted.getEmail());
            try (var row = find.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String role = row.getString(1);
                if (!row.getBoolean(2)) {
                    throw Refusal.of("User " + wanted.getEmail() + " exists but is deactivated; nothing changed");
                }
                if (!role.equals(wanted.getRole().name())) {
                    throw Refusal.of("User " + wanted.getEmail() + " already exists as " + role + ", not " + wanted.getRole()
                            + "; nothing changed (an ADMIN changes roles in the console: Administration > Users)");
                }
                return new Outcome(false, "User " + wanted.getEmail() + " already exists as " + role
                        + "; nothing changed (its password too: \"Forgot your password?\" on the sign-in page changes it)");
            }
        }
    }

    private NewClient existingClient(ApiClient wanted, boolean byId) throws SQLException {
        String sql = byId ? "SELECT client_id, role, revoked_at IS NOT NULL, name FROM orion.api_clients WHERE client_id = ?"
                : "SELECT client_id, role, false, name FROM orion.api_clients WHERE name = ? AND role = 'platform' AND revoked_at IS NULL"
                        + " ORDER BY id LIMIT 1";
        try (PreparedStatement find = db.prepareStatement(sql)) {
            find.setString(1, byId ? wanted.getClientId() : wanted.getName());
            try (var row = find.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String clientId = row.getString(1);
                if (row.getBoolean(3)) {
                    throw Refusal.of("API client " + clientId + " exists and is revoked; choose another --client-id");
                }
                if (!ApiClient.ROLE_PLATFORM.equals(row.getString(2))) {
                    throw Refusal.of("API client " + clientId + " already exists as a " + row.getString(2) + " client; nothing changed");
                }
                return new NewClient(false, clientId, null, "Platform API client " + clientId + " (" + row.getString(4)
                        + ") already exists; nothing changed. Its secret was shown once, when it was created;"
                        + " if it is lost, rotate it in the console (Administration > API clients)");
            }
        }
    }

    private void audit(String action, String entityType, String entityId, String details) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO orion.audit_log (actor, actor_type, action, entity_type,"
                + " entity_id, details) VALUES (?, 'system', ?, ?, ?, ?)")) {
            insert.setString(1, actor);
            insert.setString(2, action);
            insert.setString(3, entityType);
            insert.setString(4, entityId);
            insert.setString(5, details);
            insert.executeUpdate();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
