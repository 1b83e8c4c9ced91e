package dev.orion.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import javax.xml.stream.XMLStreamException;
import dev.orion.platform.imports.FeedLimits;
import dev.orion.platform.imports.RejectedRowException;
import org.junit.jupiter.api.Test;

class MerchantXmlItemsTest {

    private static final FeedLimits LIMITS = FeedLimits.of(4096, 1 << 30, 100);

    @Test
    void rssItemsUseGoogleElementsAndThePlainRssOnes() throws Exception {
        String rss = """
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
                  <channel><title>Shop</title><link>https://shop.example</link><description>All</description>
                    <item>
                      <g:id>TENT-1</g:id>
                      <title>Trail Tent</title>
                      <description>Two-person tent</description>
                      <link>https://shop.example/tent</link>
                      <g:price>129.00 EUR</g:price>
                      <g:availability>in stock</g:availability>
                      <g:shipping><g:country>FR</g:country></g:shipping>
                    </item>
                    <item><g:id>MUG-1</g:id><g:title>Enamel Mug</g:title><title>ignored</title></item>
                  </channel>
                </rss>
                """;
        try (var items = new MerchantXmlItems(new StringReader(rss), LIMITS)) {
            FeedRow tent = items.next();
            assertEquals("TENT-1", tent.get("id"));
            assertEquals("Trail Tent", tent.get("title"));
            assertEquals("Two-person tent", tent.get("description"));
            assertEquals("129.00 EUR", tent.get("price"));
            assertEquals("in stock", tent.get("availability"));
            assertEquals(4, tent.line(), "the line the item starts on");
            assertEquals("Enamel Mug", items.next().get("title"), "g:title wins over the plain title");
            assertNull(items.next());
        }
    }

    @Test
    void atomEntriesReadTheirLinkAndSummary() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
                  <entry><g:id>A-1</g:id><title>Lamp</title><summary>Warm</summary><link href="https://x.example/a"/></entry>
                </feed>
                """;
        try (var items = new MerchantXmlItems(new StringReader(atom), LIMITS)) {
            FeedRow lamp = items.next();
            assertEquals("Lamp", lamp.get("title"));
            assertEquals("Warm", lamp.get("description"));
            assertEquals("https://x.example/a", lamp.get("link"));
        }
    }

    @Test
    void externalEntitiesAreRefused() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>";
        assertThrows(XMLStreamException.class, () -> {
            try (var items = new MerchantXmlItems(new StringReader(evil), LIMITS)) {
                items.next();
            }
        });
    }

    @Test
    void anItemWithTooManyElementsIsRejectedAndTheNextOneRead() throws Exception {
        String rss = "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel><item><g:id>WIDE</g:id>"
                + "<g:shipping><g:x>1</g:x></g:shipping>".repeat(FeedLimits.MAX_ELEMENTS_PER_ITEM)
                + "</item><item><g:id>NEXT</g:id></item></channel></rss>";
        try (var items = new MerchantXmlItems(new StringReader(rss), LIMITS)) {
            var rejected = assertThrows(RejectedRowException.class, items::next);
            assertEquals("the item has more than 1000 elements; the item was passed over", rejected.reason());
            assertEquals("NEXT", items.next().get("id"));
            assertNull(items.next());
        }
    }

    @Test
    void anItemWithMoreTextThanTheRecordLimitIsRejectedAndTheNextOneRead() throws Exception {
        String rss = "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel><item><g:id>LONG</g:id><g:title>"
                + "t".repeat(3000) + "</g:title><g:description>" + "d".repeat(3000) + "</g:description>"
                + "</item><item><g:id>NEXT</g:id></item></channel></rss>";
        try (var items = new MerchantXmlItems(new StringReader(rss), LIMITS)) {
            var rejected = assertThrows(RejectedRowException.class, items::next);
            assertTrue(rejected.reason().startsWith("the item is longer than 4096 bytes"), rejected.reason());
            assertEquals("NEXT", items.next().get("id"));
        }
    }
}
