package dev.orion.catalog.imports;

import dev.orion.platform.imports.FeedFiles;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a feed from storage one record at a time (constant memory). The format is told by its start: a
 * Google Merchant TSV or XML (RSS 2.0, Atom) feed, or a Shopify product CSV whose variant rows become products.
 * Gzipped or not, with or without a UTF-8 byte order mark, LF or CRLF, quoted fields holding separators or
 * line breaks. The checkpoint counts records (or XML items) consumed, so a restart skips exactly those.
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

    private MerchantXmlItems xml;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private ShopifyVariants shopify;
    private long recordsRead;
    /** The physical line the previous record ended on: quoted fields may span lines, so records and lines differ. */
    private long lastLine;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        var text = new BufferedReader(new InputStreamReader(FeedFiles.openText(storage.open(storageKey)), StandardCharsets.UTF_8), 65536);
        String header = firstLine(text);
        var resume = checkpoint instanceof FeedCheckpoint saved ? saved
                : new FeedCheckpoint(checkpoint instanceof Long rows ? rows : 0, null); // Long: checkpoints of earlier versions
        if (header != null && header.stripLeading().startsWith("<")) {
            xml = new MerchantXmlItems(text);
            while (recordsRead < resume.records() && xml.next() != null) {
                recordsRead++;
            }
            return;
        }
        parser = format(header == null ? "" : header).parse(text);
        records = parser.iterator();
        lastLine = parser.getCurrentLineNumber();
        while (recordsRead < resume.records() && records.hasNext()) {
            records.next();
            lastLine = parser.getCurrentLineNumber();
            recordsRead++;
        }
        if (shopify != null) {
            shopify.restore(resume.context());
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
        if (xml != null) {
            FeedRow item = xml.next();
            recordsRead += item == null ? 0 : 1;
            return item;
        }
        while (records.hasNext()) {
            CSVRecord record = records.next();
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
        return new FeedCheckpoint(recordsRead, shopify == null ? null : shopify.context());
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
