package dev.orion.platform.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineCountingInputStreamTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a\\nb\\nc\\n|3",
            "a\\nb\\nc|3",
            "a\\r\\nb\\r\\n|2",
            "|0",
            "\\n|1"})
    void countsLinesWithOrWithoutAFinalNewline(String text, long lines) throws IOException {
        String content = text == null ? "" : text.replace("\\n", "\n").replace("\\r", "\r");
        try (var counting = new LineCountingInputStream(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
            counting.transferTo(OutputStream.nullOutputStream());
            assertEquals(lines, counting.lines());
        }
    }
}
