package dev.orion.orders.imports;

import dev.orion.platform.imports.FeedFiles;
import dev.orion.platform.storage.StorageBackend;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * Streams a JSON Lines orders feed from storage, one non-blank line at a time with its line number (gzipped
 * or not, BOM and CRLF tolerated). The checkpoint is the last line read, so a restart resumes after it.
 */
@Named
@Dependent
public class OrderFeedReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String storageKey;

    @Inject
    StorageBackend storage;

    private BufferedReader lines;
    private long lineNo;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        lines = new BufferedReader(new InputStreamReader(FeedFiles.openText(storage.open(storageKey)), StandardCharsets.UTF_8), 65536);
        long resumeAfter = checkpoint instanceof Long line ? line : 0;
        while (lineNo < resumeAfter && lines.readLine() != null) {
            lineNo++;
        }
    }

    @Override
    public Object readItem() throws Exception {
        for (String line; (line = lines.readLine()) != null; ) {
            lineNo++;
            if (!line.isBlank()) {
                return new OrderFeedLine(lineNo, line);
            }
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return lineNo;
    }

    @Override
    public void close() throws Exception {
        if (lines != null) {
            lines.close();
        }
    }
}
