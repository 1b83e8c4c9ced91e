package dev.orion.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where uploads, import reports and generated reports live. Keys are relative paths such as
 * {@code uploads/42/feed.tsv}; the local directory is the default backend.
 */
public interface StorageBackend {

    OutputStream create(String key) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key);

    long size(String key) throws IOException;

    void delete(String key) throws IOException;

    /** A human-readable location for logs and health output. */
    String describe();
}
