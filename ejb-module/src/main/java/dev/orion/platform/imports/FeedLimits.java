package dev.orion.platform.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much of a feed an import may hold or unpack, so one vendor's file cannot exhaust the heap every tenant
 * shares: a record (a line, a CSV record, an XML item) over {@code maxRecordBytes} is rejected or ends the
 * import, and a gzipped feed may unpack to at most {@code maxInflatedBytes} and, past its first
 * {@value #RATIO_FREE_BYTES} bytes, to at most {@code maxInflationRatio} times what it was packed in.
 */
@ApplicationScoped
public class FeedLimits {

    /** Unpacked bytes any gzip may produce before the ratio is checked: small feeds of one repeated value are fine. */
    static final long RATIO_FREE_BYTES = 16L << 20;
    /** Elements inside one XML item (a Merchant item has a few dozen attributes). */
    public static final int MAX_ELEMENTS_PER_ITEM = 1000;
    /** Nesting of an XML feed (rss, channel, item, attribute and g:shipping's parts need five). */
    public static final int MAX_XML_DEPTH = 32;

    @Inject
    @ConfigProperty(name = "orion.import.max-record-bytes", defaultValue = "1048576")
    int maxRecordBytes;

    @Inject
    @ConfigProperty(name = "orion.import.max-inflated-bytes", defaultValue = "10737418240")
    long maxInflatedBytes;

    @Inject
    @ConfigProperty(name = "orion.import.max-inflation-ratio", defaultValue = "100")
    int maxInflationRatio;

    /** Limits set by hand (tests, tools); in the server they come from the configuration. */
    public static FeedLimits of(int maxRecordBytes, long maxInflatedBytes, int maxInflationRatio) {
        var limits = new FeedLimits();
        limits.maxRecordBytes = maxRecordBytes;
        limits.maxInflatedBytes = maxInflatedBytes;
        limits.maxInflationRatio = maxInflationRatio;
        return limits;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    public long maxInflatedBytes() {
        return maxInflatedBytes;
    }

    public int maxInflationRatio() {
        return maxInflationRatio;
    }

    /** The reason a record over the limit gives, the same words for every format. */
    public String recordTooLong(String what) {
        return what + " is longer than " + maxRecordBytes + " bytes, the import's record limit (ORION_IMPORT_MAX_RECORD_BYTES)";
    }
}
