package dev.orion.vendors.application;

import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.redis.RedisConnection;
import dev.orion.platform.redis.RedisGuard;
import dev.orion.vendors.domain.Vendor;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RBucket;

/**
 * Vendor look-ups, cached in Redis because nearly every API call and console page needs the vendor.
 * Changes go through here so the cache entry is dropped in the same call; when Redis is away, the
 * database answers and nothing fails.
 */
@Stateless
public class VendorDirectory {

    private static final Logger LOG = Logger.getLogger(VendorDirectory.class.getName());
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @Inject
    RedisConnection redis;

    @Inject
    RedisGuard guard; // reads and writes of the cache skip Redis while it is out; evictions always try

    @Resource
    TransactionSynchronizationRegistry transactions;

    public Optional<VendorSummary> find(long vendorId) {
        VendorSummary cached = readCache(vendorId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<VendorSummary> loaded = Optional.ofNullable(em.find(Vendor.class, vendorId)).map(VendorSummary::of);
        loaded.ifPresent(this::writeCache);
        return loaded;
    }

    public List<VendorSummary> all() {
        return em.createQuery("SELECT v FROM Vendor v ORDER BY v.name", Vendor.class).getResultStream()
                .map(VendorSummary::of).toList();
    }

    /** Active vendors that set a marketplace orders feed URL, by id, with that URL. */
    public java.util.Map<Long, String> ordersFeeds() {
        var feeds = new java.util.LinkedHashMap<Long, String>();
        em.createQuery("SELECT v.id, v.ordersFeedUrl FROM Vendor v WHERE v.active = true AND v.ordersFeedUrl IS NOT NULL ORDER BY v.id", Object[].class)
                .getResultStream().forEach(row -> feeds.put((Long) row[0], (String) row[1]));
        return feeds;
    }

    /** One page of vendors with their settings, by name (the administration table); search: part of the code or name. */
    public List<VendorDetails> details(String search, int first, int max) {
        return matching(em.createQuery("SELECT v FROM Vendor v" + where(search) + " ORDER BY v.name, v.id", Vendor.class), search)
                .setFirstResult(first).setMaxResults(max).getResultStream().map(VendorDetails::of).toList();
    }

    public Optional<VendorDetails> details(long vendorId) {
        return Optional.ofNullable(em.find(Vendor.class, vendorId)).map(VendorDetails::of);
    }

    public long count(String search) {
        return matching(em.createQuery("SELECT count(v) FROM Vendor v" + where(search), Long.class), search).getSingleResult();
    }

    private static String where(String search) {
        return search == null || search.isBlank() ? "" : " WHERE lower(v.code) LIKE :search OR lower(v.name) LIKE :search";
    }

    private static <T> jakarta.persistence.TypedQuery<T> matching(jakarta.persistence.TypedQuery<T> query, String search) {
        return search == null || search.isBlank() ? query : query.setParameter("search",
                "%" + search.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
    }

    public boolean codeTaken(String code) {
        return !em.createQuery("SELECT v.id FROM Vendor v WHERE v.code = :code", Long.class)
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Applies the settings, each checked by the vendor; a refused value is an {@link InvalidFieldException}
     * naming the field.
     */
    public VendorDetails update(long vendorId, VendorSettings settings) {
        Vendor vendor = require(vendorId);
        apply(vendor, settings);
        em.flush(); // a concurrent change of the same vendor is a version conflict here (409), not a failed commit later
        evict(vendorId);
        return VendorDetails.of(vendor);
    }

    /** A new vendor with its settings; the code must be free (checked by the caller, enforced by the table). */
    public VendorDetails create(String code, VendorSettings settings) {
        if (settings.name() == null || settings.name().isBlank()) {
            throw new InvalidFieldException("name", "vendor.name.required", "Vendor name is required");
        }
        var vendor = InvalidFieldException.check("code", "vendor.code.invalid", () -> new Vendor(code, settings.name()));
        apply(vendor, settings);
        em.persist(vendor);
        em.flush();
        return VendorDetails.of(vendor);
    }

    private static void apply(Vendor vendor, VendorSettings settings) {
        InvalidFieldException.check("name", "vendor.name.required", () -> vendor.rename(settings.name()));
        InvalidFieldException.check("locale", "vendor.locale.invalid", () -> vendor.changeLocale(settings.locale()));
        InvalidFieldException.check("vatRate", "vendor.vat.range", () -> vendor.changeVatRate(settings.vatRate()));
        InvalidFieldException.check("feedUrl", "vendor.feed.http", () -> vendor.changeOrdersFeedUrl(settings.ordersFeedUrl()));
        if (settings.lowStockThreshold() != null) {
            InvalidFieldException.check("lowStockThreshold", "vendor.lowStock.range",
                    () -> vendor.changeLowStockThreshold(settings.lowStockThreshold()));
        }
    }

    /**
     * The vendor's low-stock threshold, read from the database in the caller's transaction (a stock change
     * compares against it; a vendor's own change of it counts at once). A vendor that is gone has the default.
     */
    public int lowStockThreshold(long vendorId) {
        Vendor vendor = em.find(Vendor.class, vendorId);
        return vendor == null ? Vendor.DEFAULT_LOW_STOCK_THRESHOLD : vendor.getLowStockThreshold();
    }

    public VendorSummary create(String code, String name) {
        var vendor = new Vendor(code, name);
        em.persist(vendor);
        em.flush();
        return VendorSummary.of(vendor);
    }

    public VendorSummary rename(long vendorId, String newName) {
        Vendor vendor = require(vendorId);
        vendor.rename(newName);
        evict(vendorId);
        return VendorSummary.of(vendor);
    }

    public void deactivate(long vendorId) {
        require(vendorId).deactivate();
        evict(vendorId);
    }

    public void activate(long vendorId) {
        require(vendorId).activate();
        evict(vendorId);
    }

    /** Straight from the database, never the cache: sign-in and token checks must see a deactivation at once. */
    public boolean isActive(long vendorId) {
        return Boolean.TRUE.equals(em.createQuery("SELECT v.active FROM Vendor v WHERE v.id = :id", Boolean.class)
                .setParameter("id", vendorId).getResultStream().findFirst().orElse(false));
    }

    private Vendor require(long vendorId) {
        return Optional.ofNullable(em.find(Vendor.class, vendorId))
                .orElseThrow(() -> new IllegalArgumentException("No vendor " + vendorId));
    }

    private RBucket<String> bucket(long vendorId) {
        return redis.client().getBucket("orion:vendor:" + vendorId);
    }

    private VendorSummary readCache(long vendorId) {
        try {
            String json = guard.call(() -> bucket(vendorId).get());
            return json == null ? null : JSON.fromJson(json, VendorSummary.class);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Vendor cache unavailable, reading the database", e);
            return null;
        }
    }

    private void writeCache(VendorSummary vendor) {
        try {
            guard.call(() -> {
                bucket(vendor.id()).set(JSON.toJson(vendor), TTL);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Vendor cache unavailable, not caching", e);
        }
    }

    /**
     * Drops the cached entry now and again once the transaction has ended, so a reader that reloads the old
     * row between the change and its commit cannot leave a stale entry behind.
     */
    private void evict(long vendorId) {
        evictNow(vendorId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                evictNow(vendorId);
            }
        });
    }

    private void evictNow(long vendorId) {
        try {
            bucket(vendorId).delete();
        } catch (RuntimeException first) {
            try {
                bucket(vendorId).delete();
            } catch (RuntimeException second) {
                LOG.warning(() -> "Could not evict vendor " + vendorId + " from the cache; it expires within " + TTL);
            }
        }
    }
}
