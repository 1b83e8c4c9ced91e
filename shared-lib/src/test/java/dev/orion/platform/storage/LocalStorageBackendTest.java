package dev.orion.platform.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageBackendTest {

    @TempDir
    Path root;

    /** A reader (an import report's download) must never get half an object that is still being written. */
    @Test
    void anObjectAppearsOnlyOnceItsStreamIsClosed() throws IOException {
        var storage = new LocalStorageBackend(root);
        try (var out = storage.create("import-reports/7.csv")) {
            out.write("line,column\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertFalse(storage.exists("import-reports/7.csv"), "visible while still being written");
        }
        assertTrue(storage.exists("import-reports/7.csv"));
        try (var in = storage.open("import-reports/7.csv")) {
            assertArrayEquals("line,column\n".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        try (var files = Files.list(root.resolve("import-reports"))) {
            assertEquals(1, files.count(), "no partial file is left beside it");
        }
    }

    @Test
    void writingAgainReplacesTheObjectWhole() throws IOException {
        var storage = new LocalStorageBackend(root);
        try (var out = storage.create("r.csv")) {
            out.write(new byte[] {1, 2, 3});
        }
        try (var out = storage.create("r.csv")) {
            out.write(new byte[] {9});
            assertEquals(3, storage.size("r.csv"), "the old object stays whole until the new one is complete");
        }
        assertEquals(1, storage.size("r.csv"));
    }
}
