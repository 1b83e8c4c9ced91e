package dev.orion.platform.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        // written beside its final name and moved there when closed, so a reader (a report being downloaded while
        // it is stored) never sees half an object, and an object written again stays whole until the new one is
        Path partial = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".partial");
        return new FilterOutputStream(Files.newOutputStream(partial)) {
            private boolean closed;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                super.close();
                Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        };
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
