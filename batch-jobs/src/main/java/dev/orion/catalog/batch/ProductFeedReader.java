package dev.orion.catalog.batch;

import dev.orion.platform.imports.Excerpt;
import dev.orion.platform.imports.FeedFiles;
import dev.orion.platform.imports.FeedLimits;
import dev.orion.platform.imports.FeedRefusedException;
import dev.orion.platform.imports.RecordLimitReader;
import dev.orion.platform.imports.RejectedRowException;
import dev.orion.catalog.application.FeedRow;
import dev.orion.catalog.application.MerchantXmlItems;
import dev.orion.catalog.application.ShopifyVariants;
import dev.orion.platform.storage.StorageBackend;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a feed from storage one record at a time (constant memory). The format is told by its start: a
 * Google Merchant TSV or XML (RSS 2.0, Atom) feed, or a Shopify product CSV whose variant rows become products.
 * Gzipped or not, with or without a UTF-8 byte order mark, LF or CRLF, quoted fields holding separators or
 * line breaks. The checkpoint counts records (or XML items) consumed, so a restart skips exactly those.
 * Bounded (the heap is every tenant's): an XML item that is too big is rejected and reading goes on at the next;
 * a CSV record over the record limit (often an unclosed quote, which reads to the end of the file) has no next
 * record to resume at, so it fails the import with a reason saying so, as does a gzip that unpacks too far.
 */
@Named
@Dependent
public class ProductFeedReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String storageKey;

    /** Shopify exports carry no currency; their prices are read in this one. */
    @Inject
    @BatchProperty
    String currency;

    @Inject
    StorageBackend storage;

    @Inject
    JobContext job;

    @Inject
    FeedLimits limits;

    private MerchantXmlItems xml;
    private CSVParser parser;
    private RecordLimitReader bounded;
    private Iterator<CSVRecord> records;
    private ShopifyVariants shopify;
    private long recordsRead;
    /** The physical line the previous record ended on: quoted fields may span lines, so records and lines differ. */
    private long lastLine;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        try {
            open(checkpoint instanceof FeedCheckpoint saved ? saved
                    : new FeedCheckpoint(checkpoint instanceof Long rows ? rows : 0, null)); // Long: checkpoints of earlier versions
        } catch (FeedRefusedException e) {
            throw refused(e);
        } catch (XMLStreamException e) {
            throw refused(xmlRefused(e));
        }
    }

    private void open(FeedCheckpoint resume) throws Exception {
        var text = new BufferedReader(new InputStreamReader(FeedFiles.openText(storage.open(storageKey), limits), StandardCharsets.UTF_8), 65536);
        String header = firstLine(text);
        if (header != null && header.stripLeading().startsWith("<")) {
            xml = new MerchantXmlItems(text, limits);
            while (recordsRead < resume.records() && skipItem()) {
                recordsRead++;
            }
            return;
        }
        bounded = new RecordLimitReader(text, limits.maxRecordBytes(), () -> "Line " + (lastLine + 1) + ": "
                + limits.recordTooLong("a record") + ". A quote that is never closed makes the rest of the file one record;"
                + " the import stops here, rows before it were imported");
        parser = format(header == null ? "" : header).parse(bounded);
        records = parser.iterator();
        lastLine = parser.getCurrentLineNumber();
        bounded.recordRead();
        if (shopify != null) {
            shopify.restore(resume.context()); // null but for checkpoints of earlier versions
        }
        while (recordsRead < resume.records() && records.hasNext()) {
            CSVRecord record = records.next();
            bounded.recordRead();
            long line = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            recordsRead++;
            if (shopify != null && resume.context() == null) {
                shopify.accept(line, record.toMap()); // replayed, so the handle's product fields are known again
            }
        }
    }

    /** Passes over one XML item on a restart; false at the end of the feed. An item rejected the first time counts too. */
    private boolean skipItem() throws XMLStreamException {
        try {
            return xml.next() != null;
        } catch (RejectedRowException e) {
            return true;
        }
    }

    /** The first line, or the first 64 KB of it (XML feeds may be one long line), leaving the reader where it was. */
    private static String firstLine(BufferedReader text) throws java.io.IOException {
        char[] start = new char[65536];
        text.mark(start.length);
        int length = 0;
        for (int n; length < start.length && (n = text.read(start, length, start.length - length)) > 0; ) {
            length += n;
        }
        text.reset();
        if (length == 0) {
            return null;
        }
        String head = new String(start, 0, length);
        int end = head.indexOf('\n');
        return (end < 0 ? head : head.substring(0, end)).replace("\r", "");
    }

    private CSVFormat format(String header) {
        if (header.isEmpty() || header.contains("\t")) {
            return CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                    .setAllowMissingColumnNames(true).get();
        }
        if (ShopifyVariants.isShopifyHeader(header)) {
            shopify = new ShopifyVariants(currency == null || currency.isBlank() ? "EUR" : currency);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                    .setIgnoreEmptyLines(true).get();
        }
        String problem = "Unrecognised feed: it is neither a Google Merchant feed (TSV with id, title, price, availability,"
                + " ...; or RSS 2.0 / Atom XML) nor a Shopify product CSV (Handle, Title, Variant SKU, ...)";
        job.setExitStatus(problem);
        throw new IllegalStateException(problem);
    }

    @Override
    public Object readItem() throws Exception {
        try {
            return xml != null ? readXmlItem() : readCsvItem();
        } catch (FeedRefusedException e) {
            throw refused(e);
        } catch (XMLStreamException e) {
            throw refused(xmlRefused(e));
        }
    }

    private FeedRow readXmlItem() throws XMLStreamException {
        try {
            FeedRow item = xml.next();
            recordsRead += item == null ? 0 : 1;
            return item;
        } catch (RejectedRowException e) {
            recordsRead++; // passed over: a restart must not read it again
            throw e;
        }
    }

    private FeedRefusedException xmlRefused(XMLStreamException e) {
        return new FeedRefusedException(Excerpt.of("The XML feed cannot be read past item "
                + (recordsRead + 1) + ": " + e.getMessage(), 300) + "; the import stops here, items before it were imported");
    }

    /** The import fails with the refusal as its exit status, which is what the vendor reads. */
    private FeedRefusedException refused(FeedRefusedException e) {
        job.setExitStatus(e.getMessage());
        return e;
    }

    private FeedRow readCsvItem() {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            bounded.recordRead();
            recordsRead++;
            long line = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (shopify == null) {
                return new FeedRow(line, record.toMap());
            }
            Optional<FeedRow> variant = shopify.accept(line, record.toMap());
            if (variant.isPresent()) {
                return variant.get();
            }
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return new FeedCheckpoint(recordsRead, null); // a Shopify handle's fields are replayed on restart, not kept here
    }

    @Override
    public void close() throws Exception {
        if (parser != null) {
            parser.close();
        }
        if (xml != null) {
            xml.close();
        }
    }
}
