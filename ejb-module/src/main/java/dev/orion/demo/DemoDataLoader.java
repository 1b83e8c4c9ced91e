package dev.orion.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database with demo data when {@code ORION_DEMO_DATA=true} (the run command sets it).
 * It never touches a database that already has vendors.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @Inject
    @ConfigProperty(name = "orion.demo.data", defaultValue = "false")
    boolean enabled;

    @PersistenceContext
    EntityManager em;

    @Inject
    DemoCatalogue catalogue;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        long vendors = em.createQuery("SELECT count(v) FROM Vendor v", Long.class).getSingleResult();
        if (vendors > 0) {
            LOG.info("Demo data: the database already has vendors, leaving it as it is");
            return;
        }
        catalogue.create();
        LOG.info("Demo data loaded: see DemoCatalogue for the accounts (the run command prints them)");
    }
}
