package dev.orion.catalog.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Names the format of a feed from its first bytes, as the import will read it: {@code google_xml} (starts with
 * '<'), {@code google_tsv} (a tab in the header), {@code shopify_csv} (Shopify's header), else {@code unknown}.
 * Gzipped feeds are unpacked as far as the bytes given reach.
 */
final class FeedFormatSniffer {

    private FeedFormatSniffer() {
    }

    static String formatOf(byte[] head) {
        byte[] text = head.length > 1 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b ? unpacked(head) : head;
        String start = new String(text, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (start.startsWith("<")) {
            return "google_xml";
        }
        int end = start.indexOf('\n');
        String header = end < 0 ? start : start.substring(0, end);
        if (header.contains("\t")) {
            return "google_tsv";
        }
        return ShopifyVariants.isShopifyHeader(header) ? "shopify_csv" : "unknown";
    }

    private static byte[] unpacked(byte[] head) {
        var out = new java.io.ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            byte[] buffer = new byte[8192];
            for (int n; out.size() < 65536 && (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the head ends mid-stream: what was unpacked so far is enough
        }
        return out.toByteArray();
    }
}
