package dev.orion.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return Probe.run("postgresql", () -> {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.setQueryTimeout(3);
                statement.execute("SELECT 1");
                return connection.getMetaData().getURL();
            }
        });
    }
}
