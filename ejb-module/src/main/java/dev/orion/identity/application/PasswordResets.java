package dev.orion.identity.application;

import dev.orion.identity.domain.ConsoleUser;
import dev.orion.notifications.application.EmailQueue;
import dev.orion.notifications.application.EmailRequest;
import dev.orion.notifications.application.SecretLink;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.LogText;
import dev.orion.platform.ratelimit.RateLimits;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Forgot password" for console users: a single-use link, valid {@code ORION_PASSWORD_RESET_TTL} (30 minutes),
 * emailed in the user's language. Only the token's SHA-256 hash is stored, and the outbox holds only a
 * reference to the token's row: the token itself is made when the email is sent ({@link PasswordResetLinks}), so
 * neither the database, nor the outbox staff can read, nor a backup holds a usable link. Asking for a link never
 * tells whether the email belongs to a user.
 */
@Stateless
public class PasswordResets {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @EJB
    ConsoleUsers users;

    @Inject
    PasswordHasher hasher;

    @Inject
    EmailQueue emails;

    @Inject
    @ConfigProperty(name = "orion.password-reset.ttl", defaultValue = "PT30M")
    Duration ttl;

    /** Where users reach the console; the emailed link points there. */
    @Inject
    @ConfigProperty(name = "orion.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    @Inject
    RateLimits limits;

    /**
     * "Forgot password" as the public page asks it, from {@code address}: within the budgets per address
     * ({@code ORION_RATE_PLAN_RESET_IP}, 10/PT1H) and per account ({@code ORION_RATE_PLAN_RESET_ACCOUNT}, 3/PT1H),
     * so nobody floods a mailbox or, through the shared mail throttle, delays every other email. Past a budget,
     * or for an input that cannot be an email, nothing is sent, and the page answers the same.
     */
    public void requestFrom(String email, String address) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty() || typed.length() > 254 || LogText.hasControl(typed)) {
            LOG.info(() -> "Password reset refused, malformed email " + LogText.excerpt(typed, 60) + " from " + address);
            return;
        }
        if (!limits.acquire("reset-ip:" + address, limits.plan("reset-ip", "10/PT1H")).allowed()) {
            LOG.info(() -> "Password reset refused, budget of the address used up: " + address);
            return;
        }
        if (!limits.acquire("reset-account:" + LoginAttempts.account(typed), limits.plan("reset-account", "3/PT1H")).allowed()) {
            LOG.info(() -> "Password reset refused, budget of the account used up: " + typed + " from " + address);
            return;
        }
        request(typed);
    }

    /** Emails a reset link to the user with this email, if there is one; otherwise does nothing, silently. */
    public void request(String email) {
        var user = users.byEmail(email == null ? "" : email.strip());
        if (user.isEmpty()) {
            LOG.info(() -> "Password reset asked for an unknown or inactive email");
            return;
        }
        // the row starts with the hash of a secret nobody ever learns: the emailed one is made when sending
        long id = ((Number) em.createNativeQuery("INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)"
                        + " VALUES (?1, ?2, ?3) RETURNING id")
                .setParameter(1, user.get().getId()).setParameter(2, sha256(newToken()))
                .setParameter(3, OffsetDateTime.now().plus(ttl)).getSingleResult()).longValue();
        emails.enqueue(new EmailRequest("password-reset", user.get().getLocale(), user.get().getEmail(),
                Map.of("name", user.get().getDisplayName(), "link", SecretLink.of(PasswordResetLinks.KIND, id), "minutes", ttl.toMinutes()),
                "password-reset:" + id).urgent()); // the user waits at the screen for it: before every other email
    }

    static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The console page a token opens, under the public URL. */
    public String link(String token) {
        return consoleUrl() + "/reset-password.xhtml?token=" + token;
    }

    public String consoleUrl() {
        return publicUrl.replaceAll("/+$", "") + "/console";
    }

    /** Whether a link's token can still be used (the reset page checks before asking for a password). */
    public boolean isUsable(String token) {
        return token != null && !usableTokens(token).isEmpty();
    }

    /**
     * Sets the new password of the token's user and uses the token up, with every other open link of that user.
     * An unknown, expired or used token, or a password too short, is an {@link InvalidRequestException}.
     */
    public void reset(String token, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidRequestException("The password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        List<?> rows = token == null ? List.of() : usableTokens(token);
        if (rows.isEmpty()) {
            throw new InvalidRequestException("This link has expired or was already used; ask for a new one");
        }
        long userId = ((Number) rows.get(0)).longValue();
        ConsoleUser user = em.find(ConsoleUser.class, userId);
        user.changePassword(hasher.hash(newPassword));
        em.createNativeQuery("UPDATE password_reset_tokens SET used_at = now() WHERE user_id = ?1 AND used_at IS NULL")
                .setParameter(1, userId).executeUpdate();
    }

    private List<?> usableTokens(String token) {
        return em.createNativeQuery("SELECT user_id FROM password_reset_tokens WHERE token_hash = ?1"
                        + " AND used_at IS NULL AND expires_at > now() FOR UPDATE")
                .setParameter(1, sha256(token)).getResultList();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
