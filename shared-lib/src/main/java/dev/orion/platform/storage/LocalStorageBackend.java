package dev.orion.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Stores objects as files under {@code ORION_STORAGE_DIR}; keys cannot escape that directory. */
public class LocalStorageBackend implements StorageBackend {

    private final Path root;

    public LocalStorageBackend(Path directory) {
        this.root = directory.toAbsolutePath().normalize();
    }

    Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Storage key leaves the storage directory: " + key);
        }
        return path;
    }

    @Override
    public Optional<FileStore> disk() throws IOException {
        Files.createDirectories(root);
        return Optional.of(Files.getFileStore(root));
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
        return root.toString();
    }
}
