package dev.orion.events.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals the webhook secrets stored plain before they were encrypted, once the schema is migrated, at every start (a
 * no-op once none is left). Not a Flyway migration: that would need the key while migrating and would count as done
 * even when it had none; this runs again whenever the server starts, so a key set later seals them then. A failure
 * is logged and the server starts anyway, since a plain secret still signs.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class PlaintextSecretsSealer {

    private static final Logger LOG = Logger.getLogger(PlaintextSecretsSealer.class.getName());

    @EJB
    WebhookEndpoints endpoints;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the sealing has its own; its failure stays there
    void sealPlaintextSecrets() {
        try {
            int left = endpoints.sealPlaintextSecrets();
            if (left > 0) {
                LOG.warning(() -> left + " webhook endpoint(s) keep their signing secret unencrypted: set ORION_SECRET_KEY"
                        + " (docs/configuration.md) and restart to encrypt them");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not encrypt the webhook secrets stored unencrypted; they still sign, and the next start tries again", e);
        }
    }
}
