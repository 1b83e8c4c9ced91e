package dev.orion.events.application;

import dev.orion.events.domain.WebhookEndpoint;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.crypto.SecretCipher;
import dev.orion.platform.audit.Actor;
import dev.orion.vendors.application.VendorDirectory;
import dev.orion.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A vendor's webhook endpoints: created with a signing secret shown once, changed, deleted, their secret rotated
 * with an overlap. Each change is audited here for whoever asked. The URL's form is checked here; where it leads is
 * vetted at every delivery (OutboundPost), since what a name resolves to can change.
 */
@Stateless
public class WebhookEndpoints {

    static final int MAX_PER_VENDOR = 20;
    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    WebhookSettings settings;

    @Inject
    VendorDirectory vendors;

    @Inject
    WebhookSecrets secrets;

    public NewSecret create(Actor who, long vendorId, EndpointChange request) {
        if (request.url() == null || request.eventTypes() == null) {
            throw new InvalidWebhookEndpointException("url and event_types are required");
        }
        if (vendors.find(vendorId).isEmpty()) {
            throw new InvalidRequestException("Unknown vendor " + vendorId);
        }
        long existing = em.createQuery("SELECT count(w) FROM WebhookEndpoint w WHERE w.vendorId = :vendor", Long.class)
                .setParameter("vendor", vendorId).getSingleResult();
        if (existing >= MAX_PER_VENDOR) {
            throw new InvalidWebhookEndpointException("A vendor has at most " + MAX_PER_VENDOR + " webhook endpoints");
        }
        String secret = WebhookSignature.newSecret();
        var endpoint = new WebhookEndpoint(vendorId, checkUrl(request.url()), request.description(), checkTypes(request.eventTypes()),
                secrets.seal(vendorId, secret));
        if (Boolean.FALSE.equals(request.enabled())) {
            endpoint.change(null, null, null, false);
        }
        em.persist(endpoint);
        em.flush();
        audit.record(who, vendorId, "webhook-endpoint.create", "webhook_endpoint", endpoint.getId(), endpoint.getUrl());
        return new NewSecret(EndpointView.of(endpoint), secret);
    }

    public List<EndpointView> list(long vendorId) {
        return em.createQuery("SELECT w FROM WebhookEndpoint w WHERE w.vendorId = :vendor ORDER BY w.id", WebhookEndpoint.class)
                .setParameter("vendor", vendorId).getResultStream().map(EndpointView::of).toList();
    }

    public Optional<EndpointView> find(long vendorId, long id) {
        return entity(vendorId, id, LockModeType.NONE).map(EndpointView::of);
    }

    public Optional<EndpointView> change(Actor who, long vendorId, long id, EndpointChange change) {
        String url = change.url() == null ? null : checkUrl(change.url());
        List<String> types = change.eventTypes() == null ? null : checkTypes(change.eventTypes());
        return entity(vendorId, id, LockModeType.PESSIMISTIC_WRITE).map(endpoint -> {
            endpoint.change(url, change.description(), types, change.enabled());
            em.flush();
            audit.record(who, vendorId, "webhook-endpoint.change", "webhook_endpoint", id,
                    endpoint.getUrl() + (endpoint.isEnabled() ? "" : " (disabled)"));
            return EndpointView.of(endpoint);
        });
    }

    /** @return whether there was such an endpoint; its deliveries and their log go with it */
    public boolean delete(Actor who, long vendorId, long id) {
        return entity(vendorId, id, LockModeType.PESSIMISTIC_WRITE).map(endpoint -> {
            em.remove(endpoint);
            audit.record(who, vendorId, "webhook-endpoint.delete", "webhook_endpoint", id, endpoint.getUrl());
            return true;
        }).orElse(false);
    }

    /** A new secret signs from now on; the current one goes on signing, beside it, for {@code overlap}. */
    public Optional<NewSecret> rotateSecret(Actor who, long vendorId, long id, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidWebhookEndpointException("overlap must be between PT0S and " + MAX_OVERLAP);
        }
        return entity(vendorId, id, LockModeType.PESSIMISTIC_WRITE).map(endpoint -> {
            String secret = WebhookSignature.newSecret();
            endpoint.rotate(secrets.seal(vendorId, secret), OffsetDateTime.now().plus(overlap));
            em.flush();
            audit.record(who, vendorId, "webhook-endpoint.rotate-secret", "webhook_endpoint", id, "overlap " + overlap);
            return new NewSecret(EndpointView.of(endpoint), secret);
        });
    }

    private Optional<WebhookEndpoint> entity(long vendorId, long id, LockModeType lock) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, id, lock);
        return endpoint != null && endpoint.getVendorId() == vendorId ? Optional.of(endpoint) : Optional.empty();
    }

    /** https with a host and no credentials; plain http only to a host the operator opened (ORION_WEBHOOK_HTTP_ALLOW). */
    String checkUrl(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new InvalidWebhookEndpointException("url is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.getHost().isBlank() || url.getRawUserInfo() != null || url.getRawFragment() != null
                || text.length() > 2000) {
            throw new InvalidWebhookEndpointException("url must be an absolute https URL with a host, no user name,"
                    + " password or fragment, at most 2000 characters");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowsHttp(url.getHost()))) {
            throw new InvalidWebhookEndpointException("url must be an https URL");
        }
        return url.toString();
    }

    static List<String> checkTypes(List<String> types) {
        if (types.isEmpty()) {
            throw new InvalidWebhookEndpointException("event_types must name at least one event type");
        }
        var unknown = types.stream().filter(t -> !EventTypes.ALL.contains(t)).findFirst();
        if (unknown.isPresent()) {
            String shown = unknown.get().length() > 64 ? unknown.get().substring(0, 64) + "…" : unknown.get();
            throw new InvalidWebhookEndpointException("Unknown event type '" + shown + "'; known: " + EventTypes.ALL);
        }
        return List.copyOf(new LinkedHashSet<>(types));
    }

    /**
     * Seals the secrets stored plain before secrets were encrypted (an upgrade's rows); returns how many endpoints
     * keep a plain one because the server has no key. Each column is updated only while it still holds the plain
     * value read, so two nodes starting together seal it once.
     */
    public int sealPlaintextSecrets() {
        List<?> rows = em.createNativeQuery("SELECT id, vendor_id, secret, previous_secret FROM webhook_endpoints"
                        + " WHERE secret NOT LIKE ?1 OR previous_secret NOT LIKE ?2")
                .setParameter(1, SecretCipher.SEALED + "%").setParameter(2, SecretCipher.SEALED + "%").getResultList();
        if (rows.isEmpty() || !secrets.canSeal()) {
            return rows.size();
        }
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            long vendorId = ((Number) r[1]).longValue();
            sealColumn(id, vendorId, "secret", (String) r[2]);
            sealColumn(id, vendorId, "previous_secret", (String) r[3]);
        }
        return 0;
    }

    private void sealColumn(long id, long vendorId, String column, String stored) {
        if (stored != null && !SecretCipher.isSealed(stored)) {
            em.createNativeQuery("UPDATE webhook_endpoints SET " + column + " = ?1 WHERE id = ?2 AND " + column + " = ?3")
                    .setParameter(1, secrets.seal(vendorId, stored)).setParameter(2, id).setParameter(3, stored).executeUpdate();
        }
    }
}
