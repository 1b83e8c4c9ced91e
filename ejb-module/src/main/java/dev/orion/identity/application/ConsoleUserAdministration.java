package dev.orion.identity.application;

import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Console users as administrators manage them: create (with a password or an emailed link to choose one),
 * change role, deactivate; each change audited in its transaction. See {@link AdminSafeguards} for what is refused.
 */
@Stateless
public class ConsoleUserAdministration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @EJB
    PasswordResets resets;

    @Inject
    VendorDirectory vendors;

    @Inject
    AuditLog audit;

    /** @param search a part of the email or name, or null for all */
    public List<ConsoleUserView> page(String search, int first, int max) {
        return matching(em.createQuery("SELECT u FROM ConsoleUser u" + where(search) + " ORDER BY u.active DESC, lower(u.email)",
                ConsoleUser.class), search).setFirstResult(first).setMaxResults(max).getResultStream().map(ConsoleUserView::of).toList();
    }

    public long count(String search) {
        return matching(em.createQuery("SELECT count(u) FROM ConsoleUser u" + where(search), Long.class), search).getSingleResult();
    }

    private static String where(String search) {
        return search == null || search.isBlank() ? "" : " WHERE lower(u.email) LIKE :search OR lower(u.displayName) LIKE :search";
    }

    private static <T> TypedQuery<T> matching(TypedQuery<T> query, String search) {
        return search == null || search.isBlank() ? query : query.setParameter("search",
                "%" + search.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
    }

    public ConsoleUserView create(Actor who, NewConsoleUser user) {
        String email = user.email() == null ? "" : user.email().strip();
        if (!em.createQuery("SELECT u.id FROM ConsoleUser u WHERE lower(u.email) = lower(:email)", Long.class)
                .setParameter("email", email).getResultList().isEmpty()) {
            throw new InvalidFieldException("email", "user.error.emailTaken", "A user with this email already exists");
        }
        if (!user.sendsResetLink() && user.password().length() < PasswordResets.MIN_PASSWORD_LENGTH) {
            throw new InvalidFieldException("password", "user.error.passwordShort",
                    "The password needs at least " + PasswordResets.MIN_PASSWORD_LENGTH + " characters");
        }
        requireVendor(user.role(), user.vendorId());
        // with an emailed link, the stored hash is of a random secret nobody knows until the user sets a password
        String hash = hasher.hash(user.sendsResetLink() ? random() : user.password());
        var created = InvalidFieldException.check("email", "user.error.email",
                () -> new ConsoleUser(email, user.displayName() == null || user.displayName().isBlank() ? email : user.displayName(),
                        hash, user.role(), user.vendorId()));
        InvalidFieldException.check("locale", "user.error.locale", () -> created.changeLocale(user.locale()));
        em.persist(created);
        em.flush();
        if (user.sendsResetLink()) {
            resets.request(created.getEmail());
        }
        audit.record(who, created.getVendorId(), "user.create", "user", created.getId(),
                created.getEmail() + " as " + created.getRole() + (user.sendsResetLink() ? ", link emailed" : ""));
        return ConsoleUserView.of(created);
    }

    public ConsoleUserView changeRole(Actor who, long userId, Role role, Long vendorId) {
        ConsoleUser user = require(userId);
        Long vendor = role == Role.VENDOR ? vendorId : null;
        AdminSafeguards.checkRoleChange(user, role, lockActiveAdmins());
        requireVendor(role, vendor);
        Role before = user.getRole();
        InvalidFieldException.check("role", "user.error.vendorRequired", () -> user.changeRole(role, vendor));
        audit.record(who, vendor, "user.role", "user", userId, user.getEmail() + ": " + before + " to " + role);
        return ConsoleUserView.of(user);
    }

    public void deactivate(Actor who, long userId) {
        ConsoleUser user = require(userId);
        AdminSafeguards.checkDeactivation(user, who.name(), lockActiveAdmins());
        user.deactivate();
        audit.record(who, user.getVendorId(), "user.deactivate", "user", userId, user.getEmail());
    }

    /** Counts the active ADMINs while holding their rows, so two admins removing each other cannot both succeed. */
    private long lockActiveAdmins() {
        return em.createQuery("SELECT u FROM ConsoleUser u WHERE u.role = :admin AND u.active = true", ConsoleUser.class)
                .setParameter("admin", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().size();
    }

    private void requireVendor(Role role, Long vendorId) {
        if (role == Role.VENDOR && (vendorId == null || vendors.find(vendorId).isEmpty())) {
            throw new InvalidFieldException("vendor", "user.error.vendorRequired", "A VENDOR user needs its vendor");
        }
    }

    private ConsoleUser require(long userId) {
        ConsoleUser user = em.find(ConsoleUser.class, userId);
        if (user == null) {
            throw new IllegalArgumentException("No console user " + userId);
        }
        return user;
    }

    private static String random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
