package dev.orion.catalog.imports;

import dev.orion.catalog.application.FeedFiles;
import dev.orion.catalog.application.FeedRow;
import dev.orion.platform.storage.StorageBackend;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a tab-separated feed with a header row from storage, one row at a time (constant memory): gzipped
 * or not, with or without a UTF-8 byte order mark, LF or CRLF, quoted fields holding tabs or line breaks.
 * The checkpoint is the number of data rows handed out, so a restart skips exactly those.
 */
@Named
@Dependent
public class ProductFeedReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String storageKey;

    @Inject
    StorageBackend storage;

    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long rowsRead;
    /** The physical line the previous record ended on: quoted fields may span lines, so records and lines differ. */
    private long lastLine;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(FeedFiles.openText(storage.open(storageKey)), StandardCharsets.UTF_8));
        parser = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true).get().parse(reader);
        records = parser.iterator();
        lastLine = parser.getCurrentLineNumber();
        long resumeAt = checkpoint == null ? 0 : (Long) checkpoint;
        while (rowsRead < resumeAt && records.hasNext()) {
            records.next();
            lastLine = parser.getCurrentLineNumber();
            rowsRead++;
        }
    }

    @Override
    public Object readItem() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        rowsRead++;
        long line = lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        return new FeedRow(line, record.toMap());
    }

    @Override
    public Serializable checkpointInfo() {
        return rowsRead;
    }

    @Override
    public void close() throws Exception {
        if (parser != null) {
            parser.close();
        }
    }
}
