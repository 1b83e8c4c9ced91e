package dev.orion.catalog.batch;

import dev.orion.platform.imports.Excerpt;
import dev.orion.platform.imports.FeedFiles;
import dev.orion.platform.imports.FeedLimits;
import dev.orion.platform.imports.FeedRefusedException;
import dev.orion.platform.imports.RecordLimitReader;
import dev.orion.platform.imports.RejectedRowException;
import dev.orion.catalog.application.FeedRow;
import dev.orion.catalog.application.MerchantXmlItems;
import dev.orion.catalog.application.ProductFeedFormat;
import dev.orion.catalog.application.ShopExportRows;
import dev.orion.catalog.application.ShopifyVariants;
import dev.orion.catalog.application.UnsupportedFeedException;
import dev.orion.catalog.application.WooCommerceProducts;
import dev.orion.platform.storage.StorageBackend;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
 * Google Merchant TSV or XML (RSS 2.0, Atom) feed, or a Shopify or WooCommerce product CSV whose variants become
 * products ({@link ProductFeedFormat}).
 * Gzipped or not, with or without a UTF-8 byte order mark, LF or CRLF, quoted fields holding separators or
 * line breaks. The checkpoint counts records (or XML items) consumed, so a restart skips exactly those.
 * Bounded (the heap is every tenant's): an XML item that is too big is rejected and reading goes on at the next;
 * a CSV record over the record limit (often an unclosed quote, which reads to the end of the file) has no next
 * record to resume at, so it fails the import with a reason saying so, as does a gzip that unpacks too far.
 * <p>
 * Once positioned, the feed is parsed up to {@link #READ_AHEAD} rows ahead on a server-managed thread
 * ({@link ReadAhead}), while the chunk's thread writes: the checkpoint is still the position of the last row handed
 * to the chunk, and the thread stops when the reader closes (the step's end, a stop, a failure).
 */
@Named
@Dependent
public class ProductFeedReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String storageKey;

    /** Shopify and WooCommerce exports carry no currency; their prices are read in this one. */
    @Inject
    @BatchProperty
    String currency;

    @Inject
    StorageBackend storage;

    @Inject
    JobContext job;

    @Inject
    FeedLimits limits;

    /**
     * The server's default thread factory (by its global name, as RequestLog finds OrionDS: this bean is no EJB),
     * so the read-ahead thread is a managed one, with this deployment's naming and class loading.
     */
    @Resource(lookup = "java:jboss/ee/concurrency/factory/default")
    ManagedThreadFactory threads;

    /** Rows parsed ahead of the chunk: a default chunk's worth (a few MB), so a whole chunk is parsed during a merge. */
    static final int READ_AHEAD = 5000;

    private ReadAhead<FeedRow> ahead;

    private MerchantXmlItems xml;
    private CSVParser parser;
    private RecordLimitReader bounded;
    private Iterator<CSVRecord> records;
    /** A shop export's rows, or null for a Google Merchant TSV whose records are rows. */
    private ShopExportRows export;
    private long recordsRead;
    /** The physical line the previous record ended on: quoted fields may span lines, so records and lines differ. */
    private long lastLine;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        try {
            open(checkpoint instanceof FeedCheckpoint saved ? saved
                    : new FeedCheckpoint(checkpoint instanceof Long rows ? rows : 0, null)); // Long: checkpoints of earlier versions
            ahead = new ReadAhead<>(threads, "orion-feed-read-ahead-" + job.getExecutionId(), READ_AHEAD, this::nextRow,
                    () -> recordsRead, recordsRead, RejectedRowException.class);
        } catch (FeedRefusedException e) {
            throw refused(e);
        } catch (XMLStreamException e) {
            throw refused(xmlRefused(e));
        }
    }

    private void open(FeedCheckpoint resume) throws Exception {
        var text = new BufferedReader(new InputStreamReader(FeedFiles.openText(storage.open(storageKey), limits), StandardCharsets.UTF_8),
                ProductFeedFormat.SNIFF_CHARS);
        String header = ProductFeedFormat.firstLine(text);
        ProductFeedFormat format = ProductFeedFormat.of(header).orElseThrow(this::unrecognised);
        if (format == ProductFeedFormat.GOOGLE_XML) {
            xml = new MerchantXmlItems(text, limits);
            while (recordsRead < resume.records() && skipItem()) {
                recordsRead++;
            }
            return;
        }
        bounded = new RecordLimitReader(text, limits.maxRecordBytes(), () -> "Line " + (lastLine + 1) + ": "
                + limits.recordTooLong("a record") + ". A quote that is never closed makes the rest of the file one record;"
                + " the import stops here, rows before it were imported");
        parser = csvFormat(format).parse(bounded);
        records = parser.iterator();
        lastLine = parser.getCurrentLineNumber();
        bounded.recordRead();
        if (export instanceof ShopifyVariants shopify) {
            shopify.restore(resume.context()); // null but for checkpoints of earlier versions
        }
        while (recordsRead < resume.records() && records.hasNext()) {
            CSVRecord record = records.next();
            bounded.recordRead();
            long line = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            recordsRead++;
            if (export != null && resume.context() == null) {
                replay(line, record);
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

    /** Replays a row passed over on restart, so what later rows inherit (a handle's, a parent's fields) is known again. */
    private void replay(long line, CSVRecord record) {
        try {
            export.accept(line, record.toMap());
        } catch (RejectedRowException e) {
            // reported when it was first read
        }
    }

    private CSVFormat csvFormat(ProductFeedFormat format) {
        String currencyCode = currency == null || currency.isBlank() ? "EUR" : currency;
        export = switch (format) {
            case SHOPIFY_CSV -> new ShopifyVariants(currencyCode);
            case WOOCOMMERCE_CSV -> new WooCommerceProducts(currencyCode);
            default -> null;
        };
        if (export == null) {
            return CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                    .setAllowMissingColumnNames(true).get();
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true).get();
    }

    /** A feed fetched from its URL is first seen here; an upload in no known format was refused before its job. */
    private IllegalStateException unrecognised() {
        String problem = new UnsupportedFeedException().getMessage();
        job.setExitStatus(problem);
        return new IllegalStateException(problem);
    }

    @Override
    public Object readItem() throws Exception {
        try {
            return ahead.next();
        } catch (FeedRefusedException e) {
            throw refused(e);
        }
    }

    /** The next row, on the read-ahead thread: from here on, only that thread touches the parser and its counters. */
    private FeedRow nextRow() {
        try {
            return xml != null ? readXmlItem() : readCsvItem();
        } catch (XMLStreamException e) {
            throw xmlRefused(e);
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

    /** The import fails with the refusal as its exit status, which is what the vendor reads (on the chunk's thread). */
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
            if (export == null) {
                return new FeedRow(line, record.toMap());
            }
            Optional<FeedRow> variant = export.accept(line, record.toMap());
            if (variant.isPresent()) {
                return variant.get();
            }
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        // the last row handed to the chunk, not how far the read-ahead got; a shop export's parent fields are
        // replayed on restart, not kept here
        return new FeedCheckpoint(ahead != null ? ahead.position() : recordsRead, null);
    }

    @Override
    public void close() throws Exception {
        stopReadingAhead(); // before the parser closes under it
        if (parser != null) {
            parser.close();
        }
        if (xml != null) {
            xml.close();
        }
    }

    /** Also when the reader is dropped without a close; closing twice is harmless. */
    @PreDestroy
    void stopReadingAhead() {
        if (ahead != null) {
            ahead.close();
        }
    }
}
