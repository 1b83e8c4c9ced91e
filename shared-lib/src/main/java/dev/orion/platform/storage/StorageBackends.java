package dev.orion.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one place that chooses the storage backend ({@code ORION_STORAGE_BACKEND}: {@code local}, the default, or
 * {@code s3}); everything that stores files, and the storage readiness check, injects {@link StorageBackend}.
 */
@ApplicationScoped
public class StorageBackends {

    private static final Logger LOG = Logger.getLogger(StorageBackends.class.getName());

    @Inject
    @ConfigProperty(name = "orion.storage.backend", defaultValue = "local")
    String backend;

    @Inject
    @ConfigProperty(name = "orion.storage.dir", defaultValue = "${jboss.server.data.dir}/orion/storage")
    String directory;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.bucket", defaultValue = "orion")
    String bucket;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.path-style", defaultValue = "false")
    boolean pathStyle;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.access-key")
    Optional<String> accessKey;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "orion.storage.s3.prefix", defaultValue = " ")
    String prefix;

    @Produces
    @ApplicationScoped
    StorageBackend chosen() {
        StorageBackend chosen = switch (backend.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> new LocalStorageBackend(Path.of(directory));
            case "s3" -> s3();
            default -> throw new IllegalStateException("ORION_STORAGE_BACKEND must be local or s3, not '" + backend + "'");
        };
        LOG.info(() -> "Storage: " + chosen.describe());
        return chosen;
    }

    private S3StorageBackend s3() {
        var client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(region.strip()))
                .credentialsProvider(credentials())
                .forcePathStyle(pathStyle)
                // R2, MinIO and older S3 look-alikes do not all take the SDK's default checksums on every request
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.filter(e -> !e.isBlank()).ifPresent(e -> client.endpointOverride(URI.create(e.strip())));
        var s3 = new S3StorageBackend(client.build(), bucket.strip(), new S3Keys(prefix), endpoint.orElse(""));
        s3.verify();
        return s3;
    }

    /** Keys from the environment when both are set, else the SDK's chain (AWS_* variables, profile, instance role). */
    private AwsCredentialsProvider credentials() {
        String key = accessKey.orElse("").strip();
        String secret = secretKey.orElse("").strip();
        if (!key.isEmpty() && !secret.isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    void close(@Disposes StorageBackend storage) throws Exception {
        if (storage instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
