package dev.orion.catalog.application;

import dev.orion.catalog.domain.FeedSubscription;
import dev.orion.catalog.domain.FeedSyncAttempt;
import dev.orion.platform.crypto.SecretCipher;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.imports.FeedUnavailableException;
import dev.orion.platform.imports.fetch.FeedAddressVetting;
import dev.orion.platform.imports.fetch.FeedUrls;
import dev.orion.platform.scheduling.ScheduleRegistry;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A vendor's scheduled product-feed sync, for the API and the console: read and change its settings (the
 * schedule is an ordinary schedule, {@value #TASK}, kept through {@link ScheduleRegistry}), sync now, and the
 * history of attempts. Credentials are encrypted on the way in and never read back out. Changes are audited here.
 */
@Stateless
public class FeedSyncs {

    private static final Logger LOG = Logger.getLogger(FeedSyncs.class.getName());

    /** The schedules' task that syncs one vendor's feed ({@link ProductFeedSync}). */
    public static final String TASK = "product-feed-sync";

    static final FeedSyncSettings.SyncSchedule DEFAULT_SCHEDULE = new FeedSyncSettings.SyncSchedule("0", "0", "*", "*", "*", "*", "*", "UTC");

    private static final String HEADER_NAME = "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}";
    private static final List<String> RESERVED_HEADERS = List.of("host", "content-length", "transfer-encoding", "connection",
            "if-none-match", "if-modified-since", "accept", "accept-encoding", "user-agent");

    @PersistenceContext
    EntityManager em;

    @Inject
    ScheduleRegistry registry;

    @Inject
    SecretCipher cipher;

    @Inject
    FeedAddressVetting vetting;

    @Inject
    VendorDirectory vendors;

    @Inject
    AuditLog audit;

    public Optional<FeedSyncView> find(long vendorId) {
        return Optional.ofNullable(em.find(FeedSubscription.class, vendorId)).map(this::view);
    }

    /**
     * Creates or replaces the vendor's feed sync. Refused, before anything is saved: a URL that is not http(s) or
     * whose host is internal (unless the operator's allow-list opens it) or does not resolve; an unknown format or
     * mode; a schedule the timer service refuses; incomplete credentials.
     */
    public FeedSyncView save(long vendorId, FeedSyncSettings settings, Actor who) {
        if (vendors.find(vendorId).isEmpty()) {
            throw new InvalidRequestException("There is no vendor " + vendorId);
        }
        String format = settings.format() == null ? "auto" : settings.format();
        if (!FeedSubscription.FORMATS.contains(format)) {
            throw new InvalidRequestException("format must be one of " + String.join(", ", FeedSubscription.FORMATS) + ", was: " + format);
        }
        String mode = settings.mode() == null ? "update" : settings.mode();
        if (!ProductImports.MODES.contains(mode)) {
            throw new InvalidRequestException("mode must be update or full, was: " + mode);
        }
        String[] credentials = credentials(vendorId, settings.credentials());
        String url = checkedUrl(settings.url());
        boolean paused = Boolean.TRUE.equals(settings.paused());
        long scheduleId = registry.save(scheduleName(vendorId), TASK, Map.of("vendor_id", Long.toString(vendorId)),
                calendar(settings.schedule()), !paused);
        FeedSubscription subscription = em.find(FeedSubscription.class, vendorId);
        boolean created = subscription == null;
        if (created) {
            subscription = new FeedSubscription(vendorId, scheduleId);
        }
        subscription.configure(url, format, mode);
        if (credentials != null) {
            subscription.changeCredentials(credentials[0], credentials[1]);
        }
        if (created) {
            em.persist(subscription);
        }
        em.flush();
        audit.record(who, vendorId, "feed-sync.change", "feed-sync", vendorId, url + " (" + format + ", " + mode
                + (paused ? ", paused" : "") + (credentials == null ? "" : ", credentials " + (credentials[0] == null ? "removed" : credentials[0] + " set")) + ")");
        return view(subscription);
    }

    /** Syncs now, in the background (one run at a time per vendor, cluster-wide); the attempt shows in the history. */
    public void runNow(long vendorId, Actor who) {
        if (em.find(FeedSubscription.class, vendorId) == null) {
            throw new InvalidRequestException("The vendor has no feed sync; set one up first (PUT)");
        }
        registry.runNow(scheduleName(vendorId));
        audit.record(who, vendorId, "feed-sync.run", "feed-sync", vendorId, "sync now");
    }

    /** The vendor's attempts, newest first. */
    public List<FeedSyncAttemptView> history(long vendorId, int limit) {
        return em.createQuery("SELECT a FROM FeedSyncAttempt a WHERE a.vendorId = :vendor ORDER BY a.id DESC", FeedSyncAttempt.class)
                .setParameter("vendor", vendorId).setMaxResults(Math.max(1, Math.min(limit, 200)))
                .getResultStream().map(FeedSyncAttemptView::of).toList();
    }

    /** For the sync itself: the subscription as it is now, detached. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<FeedSubscription> subscription(long vendorId) {
        return Optional.ofNullable(em.find(FeedSubscription.class, vendorId));
    }

    /** Records an attempt and, when a feed was read, remembers it (validators and hash) for the next comparison. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(FeedSyncAttempt attempt, String etag, String lastModified, String sha256) {
        em.persist(attempt);
        if (sha256 != null) {
            FeedSubscription subscription = em.find(FeedSubscription.class, attempt.getVendorId());
            if (subscription != null) {
                subscription.fetched(etag, lastModified, sha256);
            }
        }
    }

    static String scheduleName(long vendorId) {
        return TASK + ":vendor-" + vendorId;
    }

    private String checkedUrl(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 2000) {
            throw new InvalidRequestException("url is required: the feed's absolute http or https URL, at most 2000 characters");
        }
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("url is not a URL: " + e.getMessage());
        }
        String host = FeedUrls.check(url);
        try {
            vetting.vet(host);
        } catch (FeedUnavailableException e) {
            LOG.info(() -> "Feed sync URL refused: " + e.operatorReason());
            throw new FeedUnavailableException("Orion fetches feeds only from public addresses: " + host
                    + " is an internal address, or does not resolve. Give the feed's public URL.");
        }
        return url.toString();
    }

    private static ScheduleRegistry.Calendar calendar(FeedSyncSettings.SyncSchedule s) {
        FeedSyncSettings.SyncSchedule d = DEFAULT_SCHEDULE;
        if (s == null) {
            s = d;
        }
        return new ScheduleRegistry.Calendar(or(s.second(), d.second()), or(s.minute(), d.minute()), or(s.hour(), d.hour()),
                or(s.dayOfMonth(), d.dayOfMonth()), or(s.month(), d.month()), or(s.dayOfWeek(), d.dayOfWeek()),
                or(s.year(), d.year()), or(s.timeZone(), d.timeZone()));
    }

    /**
     * What a vendor's credentials are bound to (the cipher's associated data): a ciphertext copied to another
     * vendor's row does not decrypt. Unchanged since the credentials were first encrypted, so stored ones still open.
     */
    static String credentialsContext(long vendorId) {
        return "feed-credentials:vendor:" + vendorId;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** {type, ciphertext} to store, {null, null} to remove, or null to keep what is stored. */
    private String[] credentials(long vendorId, FeedSyncSettings.FeedCredentials c) {
        if (c == null) {
            return null;
        }
        String type = c.type() == null ? "" : c.type();
        var plain = Json.createObjectBuilder().add("type", type);
        switch (type) {
            case "none" -> {
                return new String[] {null, null};
            }
            case "basic" -> {
                if (c.username() == null || c.username().isEmpty() || c.username().contains(":") || c.password() == null
                        || hasLineBreak(c.username()) || hasLineBreak(c.password())) {
                    throw new InvalidRequestException("basic credentials need a username (without ':') and a password");
                }
                plain.add("username", c.username()).add("password", c.password());
            }
            case "header" -> {
                if (c.name() == null || !c.name().matches(HEADER_NAME) || RESERVED_HEADERS.contains(c.name().toLowerCase(java.util.Locale.ROOT))) {
                    throw new InvalidRequestException("header credentials need a header name (letters, digits, dashes; not one Orion sets itself, like Host or Accept)");
                }
                if (c.value() == null || c.value().isEmpty() || hasLineBreak(c.value())) {
                    throw new InvalidRequestException("header credentials need a value on one line");
                }
                plain.add("name", c.name()).add("value", c.value());
            }
            default -> throw new InvalidRequestException("credentials.type must be basic, header or none");
        }
        if (!cipher.hasKey()) {
            throw new FeedSecretKeyMissingException("ORION_SECRET_KEY (or ORION_FEED_SECRET_KEY) is not set");
        }
        try {
            return new String[] {type, cipher.encrypt(credentialsContext(vendorId), plain.build().toString())};
        } catch (IllegalStateException e) {
            throw new FeedSecretKeyMissingException(e.getMessage());
        }
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }

    private FeedSyncView view(FeedSubscription s) {
        var schedule = registry.find(scheduleName(s.getVendorId()));
        var calendar = schedule.map(ScheduleRegistry.Status::calendar)
                .map(c -> new FeedSyncSettings.SyncSchedule(c.second(), c.minute(), c.hour(), c.dayOfMonth(), c.month(), c.dayOfWeek(), c.year(), c.timeZone()))
                .orElse(null);
        return new FeedSyncView(s.getVendorId(), s.getUrl(), s.getFormat(), s.getMode(), calendar,
                schedule.map(st -> !st.enabled()).orElse(true), schedule.map(ScheduleRegistry.Status::nextRunAt).orElse(null),
                schedule.map(ScheduleRegistry.Status::lastRunAt).orElse(null),
                new FeedSyncView.CredentialsSet(s.getCredentialsType(), s.getCredentials() != null), s.getUpdatedAt());
    }
}
