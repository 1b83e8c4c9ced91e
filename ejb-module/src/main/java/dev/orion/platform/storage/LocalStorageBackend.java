package dev.orion.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stores objects as files under {@code ORION_STORAGE_DIR}; keys cannot escape that directory. */
@ApplicationScoped
public class LocalStorageBackend implements StorageBackend {

    @Inject
    @ConfigProperty(name = "orion.storage.dir", defaultValue = "${jboss.server.data.dir}/orion/storage")
    String directory;

    private Path root() {
        return Path.of(directory).toAbsolutePath().normalize();
    }

    Path resolve(String key) {
        Path root = root();
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Storage key leaves the storage directory: " + key);
        }
        return path;
    }

    @Override
    public OutputStream create(String key) throws IOException {
        Path path = resolve(key);
        Files.createDirectories(path.getParent());
        return Files.newOutputStream(path);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public String describe() {
        return root().toString();
    }
}
