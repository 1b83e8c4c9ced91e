package dev.orion.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void aLineOverTheLimitIsPassedOverAndTheNextOneRead() throws IOException {
        String feed = "first\r\n" + "x".repeat(100_000) + "\r\nthird é\nlast";
        try (var lines = new BoundedLines(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)), 1000)) {
            assertEquals(new BoundedLines.Line(1, "first", 5), lines.next());
            BoundedLines.Line long_ = lines.next();
            assertTrue(long_.tooLong());
            assertEquals(2, long_.number());
            assertEquals(100_000, long_.bytes());
            assertEquals("third é", lines.next().text());
            assertEquals("last", lines.next().text());
            assertNull(lines.next());
        }
    }

    @Test
    void aLineOfExactlyTheLimitIsKept() throws IOException {
        try (var lines = new BoundedLines(new ByteArrayInputStream(("y".repeat(1000) + "\r\n\n").getBytes(StandardCharsets.US_ASCII)), 1000)) {
            assertEquals(1000, lines.next().text().length());
            assertEquals("", lines.next().text());
            assertNull(lines.next());
        }
    }

    @Test
    void aGzipBombIsRefusedByRatio() throws IOException {
        var packed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        InputStream text = FeedFiles.openText(new ByteArrayInputStream(packed.toByteArray()), FeedLimits.of(1 << 20, 1L << 40, 100));
        var refused = assertThrows(FeedRefusedException.class, () -> text.transferTo(OutputStreamNull.INSTANCE));
        assertTrue(refused.getMessage().contains("unpacks to more than 100 times"), refused.getMessage());
    }

    @Test
    void aGzipIsRefusedPastItsAbsoluteSize() throws IOException {
        var packed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(packed)) {
            gzip.write("line\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
        }
        var refused = assertThrows(FeedRefusedException.class, () -> FeedFiles.openText(new ByteArrayInputStream(packed.toByteArray()),
                FeedLimits.of(1 << 20, 20_000, 100)).transferTo(OutputStreamNull.INSTANCE));
        assertTrue(refused.getMessage().contains("unpacks to more than 20000 bytes"), refused.getMessage());
    }

    @Test
    void excerptsAreShortAndMarked() {
        assertEquals("short", Excerpt.of("short"));
        String cut = Excerpt.of("é".repeat(300));
        assertEquals("é".repeat(200) + "…[truncated, 600 bytes]", cut);
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
