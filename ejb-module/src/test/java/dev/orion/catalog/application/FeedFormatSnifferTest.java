package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class FeedFormatSnifferTest {

    private static String of(String text) {
        return FeedFormatSniffer.formatOf(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesEachFormatTheImportReads() {
        assertEquals("google_tsv", of("id\ttitle\tprice\tavailability\nA\tB\t1.00 EUR\tin_stock\n"));
        assertEquals("google_xml", of("\uFEFF  <?xml version=\"1.0\"?><rss/>"));
        assertEquals("shopify_csv", of("Handle,Title,Variant SKU,Variant Price\ntee,Tee,T-1,10\n"));
        assertEquals("unknown", of("sku,name,price\n"));
    }

    @Test
    void looksInsideAGzippedFeed() throws IOException {
        var packed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(packed)) {
            gzip.write("id\ttitle\tprice\tavailability\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("google_tsv", FeedFormatSniffer.formatOf(packed.toByteArray()));
    }
}
