package dev.orion.catalog.imports;

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
 * Streams a tab-separated feed with a header row from storage, one row at a time (constant memory).
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

    @Override
    public void open(Serializable checkpoint) throws Exception {
        var reader = new BufferedReader(new InputStreamReader(storage.open(storageKey), StandardCharsets.UTF_8));
        parser = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true).get().parse(reader);
        records = parser.iterator();
        long resumeAt = checkpoint == null ? 0 : (Long) checkpoint;
        while (rowsRead < resumeAt && records.hasNext()) {
            records.next();
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
        return new FeedRow(record.getRecordNumber() + 1, record.toMap()); // +1: the header is line 1
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
