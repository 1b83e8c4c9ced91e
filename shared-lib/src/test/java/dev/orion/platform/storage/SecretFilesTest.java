package dev.orion.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @Test
    void createsTheFileAndItsDirectoryOwnerOnly(@TempDir Path root) throws Exception {
        Path file = root.resolve("keys/signing-key.jwk.json");

        SecretFiles.replace(file, "secret");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("secret", Files.readString(file));
    }

    @Test
    void neverShowsAFileWithLooserPermissionsEvenWhileWriting(@TempDir Path dir) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (writing.get()) {
                try (var files = Files.list(dir)) {
                    files.forEach(f -> {
                        try {
                            seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                        } catch (Exception gone) {
                            // a temporary file moved away between list and read
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        watcher.start();
        for (int i = 0; i < 200; i++) {
            SecretFiles.replace(dir.resolve("key"), "k".repeat(100_000));
        }
        writing.set(false);
        watcher.join();

        assertEquals(Set.of("rw-------"), seen);
    }

    @Test
    void replacesAtomicallySoReadersSeeTheWholeOldOrTheWholeNewFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        String old = "a".repeat(200_000);
        String next = "b".repeat(200_000);
        SecretFiles.replace(file, old);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> torn = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                try {
                    String read = Files.readString(file);
                    if (!read.equals(old) && !read.equals(next)) {
                        torn.add(read.length() + " chars");
                    }
                } catch (Exception e) {
                    torn.add(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 100; i++) {
            SecretFiles.replace(file, i % 2 == 0 ? next : old);
        }
        writing.set(false);
        reader.join();

        assertTrue(torn.isEmpty(), "readers saw " + torn);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }
}
