package dev.orion.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.util.Optional;
import java.util.UUID;

/**
 * Where uploads, import reports and generated reports live. Keys are relative paths such as
 * {@code uploads/42/feed.tsv}. Which backend is used is decided once, by {@link StorageBackends}.
 */
public interface StorageBackend {

    /** A stream that writes the object; the object is complete once the stream is closed. */
    OutputStream create(String key) throws IOException;

    /** Reads the object; a missing one is a {@link java.nio.file.NoSuchFileException}. */
    InputStream open(String key) throws IOException;

    boolean exists(String key);

    long size(String key) throws IOException;

    void delete(String key) throws IOException;

    /** The disk the objects are written to, for the free-space gauges; empty for a backend with no disk of ours (S3). */
    default Optional<FileStore> disk() throws IOException {
        return Optional.empty();
    }

    /** A human-readable location for logs and health output. */
    String describe();

    /** Writes and deletes a small object: the backend is reachable and writable. Returns {@link #describe()}. */
    default String probe() throws IOException {
        String key = ".probe/" + UUID.randomUUID();
        try (var out = create(key)) {
            out.write('.');
        }
        delete(key);
        return describe();
    }
}
