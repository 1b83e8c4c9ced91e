package dev.orion.orders.batch;

import dev.orion.platform.imports.BoundedLines;
import dev.orion.platform.imports.FeedFiles;
import dev.orion.platform.imports.FeedLimits;
import dev.orion.platform.imports.FeedRefusedException;
import dev.orion.platform.imports.RejectedRowException;
import dev.orion.platform.storage.StorageBackend;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Streams a JSON Lines orders feed from storage, one non-blank line at a time with its line number (gzipped
 * or not, BOM and CRLF tolerated). A line over the record limit is passed over without being held and rejected
 * (a skippable read), so reading goes on at the next line; a gzip that unpacks too far fails the import. The
 * checkpoint is the last line read, so a restart resumes after it.
 */
@Named
@Dependent
public class OrderFeedReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String storageKey;

    @Inject
    StorageBackend storage;

    @Inject
    FeedLimits limits;

    @Inject
    JobContext job;

    private BoundedLines lines;
    private long lineNo;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        long resumeAfter = checkpoint instanceof Long line ? line : 0;
        try {
            lines = new BoundedLines(FeedFiles.openText(storage.open(storageKey), limits), limits.maxRecordBytes());
            while (lineNo < resumeAfter && lines.next() != null) {
                lineNo++;
            }
        } catch (FeedRefusedException e) {
            throw refused(e);
        }
    }

    @Override
    public Object readItem() throws Exception {
        try {
            for (BoundedLines.Line line; (line = lines.next()) != null; ) {
                lineNo = line.number();
                if (line.tooLong()) {
                    throw new RejectedRowException(lineNo, null, null, dev.orion.platform.imports.IssueCode.RECORD_TOO_LONG, limits.recordTooLong("the line (" + line.bytes() + " bytes)") + "; it was passed over");
                }
                if (!line.text().isBlank()) {
                    return new OrderFeedLine(lineNo, line.text());
                }
            }
            return null;
        } catch (FeedRefusedException e) {
            throw refused(e);
        }
    }

    /** The import fails with the refusal as its exit status, which is what the vendor reads. */
    private FeedRefusedException refused(FeedRefusedException e) {
        job.setExitStatus(e.getMessage());
        return e;
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
