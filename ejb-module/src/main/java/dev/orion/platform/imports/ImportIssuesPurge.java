package dev.orion.platform.imports;

import dev.orion.platform.retention.ExpiredDataPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rows imports rejected or warned about are kept for {@code ORION_RETENTION_IMPORT_ISSUES}. An import's stored
 * report and its upload go with its job ({@link ImportFilesPurge}).
 */
@ApplicationScoped
public class ImportIssuesPurge implements ExpiredDataPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "orion.retention.import-issues", defaultValue = "P30D")
    Duration issueRetention;

    @Override
    public Purged purgeExpired(OffsetDateTime now, int limit) {
        int issues = em.createNativeQuery("DELETE FROM import_issues WHERE id IN"
                        + " (SELECT id FROM import_issues WHERE created_at < ?1 LIMIT ?2)")
                .setParameter(1, now.minus(issueRetention)).setParameter(2, limit).executeUpdate();
        return new Purged(issues, "import issue(s)");
    }
}
