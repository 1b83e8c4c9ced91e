package dev.orion.catalog.application;

import dev.orion.platform.imports.FeedLimits;
import dev.orion.platform.imports.IssueCode;
import dev.orion.platform.imports.RejectedRowException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the items of a Google Merchant XML feed, RSS 2.0 ({@code <item>}) or Atom ({@code <entry>}), one at a
 * time: {@code g:} elements by their names, and the plain RSS/Atom {@code title}, {@code link} and
 * {@code description} (Atom {@code summary}) where no {@code g:} element says otherwise. DTDs and external
 * entities are refused (without a DTD no entity can be declared, so none is expanded), and the parser's own limits are set where it has them (depth, attributes, text size).
 * An item with more than {@value FeedLimits#MAX_ELEMENTS_PER_ITEM} elements or more text than the record limit
 * is read to its end without being kept and rejected, so reading goes on at the next item.
 */
public final class MerchantXmlItems implements AutoCloseable {

    static final String GOOGLE = "http://base.google.com/ns/1.0";

    private final XMLStreamReader xml;
    private final FeedLimits limits;
    /** Elements and characters of the item being read, against the limits. */
    private int elements;
    private long chars;

    public MerchantXmlItems(Reader text, FeedLimits limits) throws XMLStreamException {
        this.limits = limits;
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // the parser's own bounds, by the names its implementation knows (Woodstox in WildFly, the JDK's otherwise)
        limit(factory, "com.ctc.wstx.maxElementDepth", FeedLimits.MAX_XML_DEPTH);
        limit(factory, "com.ctc.wstx.maxAttributesPerElement", 100);
        limit(factory, "com.ctc.wstx.maxAttributeSize", 65536);
        limit(factory, "com.ctc.wstx.maxTextLength", limits.maxRecordBytes());
        limit(factory, "com.ctc.wstx.maxEntityCount", 100);
        limit(factory, "jdk.xml.maxElementDepth", FeedLimits.MAX_XML_DEPTH);
        limit(factory, "jdk.xml.elementAttributeLimit", 100);
        limit(factory, "jdk.xml.entityExpansionLimit", 100);
        xml = factory.createXMLStreamReader(text);
    }

    private static void limit(XMLInputFactory factory, String property, int value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }

    /** The next item as a feed row, or null at the end of the feed. */
    public FeedRow next() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && isItem()) {
                long line = xml.getLocation().getLineNumber();
                elements = 0;
                chars = 0;
                try {
                    return new FeedRow(line, readItem());
                } catch (ItemTooLarge e) {
                    skipRest(e.depth);
                    throw new RejectedRowException(line, null, null, IssueCode.ITEM_TOO_LARGE, e.getMessage() + "; the item was passed over");
                }
            }
        }
        return null;
    }

    private boolean isItem() {
        String name = xml.getLocalName();
        return !GOOGLE.equals(xml.getNamespaceURI()) && (name.equals("item") || name.equals("entry"));
    }

    private Map<String, String> readItem() throws XMLStreamException {
        var google = new HashMap<String, String>();
        var plain = new HashMap<String, String>();
        for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) { // each child is read whole
            if (event == XMLStreamConstants.START_ELEMENT) {
                element(1);
                String name = xml.getLocalName();
                if (GOOGLE.equals(xml.getNamespaceURI())) {
                    google.put(name, text());
                } else if (name.equals("link") && xml.getAttributeValue(null, "href") != null) {
                    plain.put("link", xml.getAttributeValue(null, "href")); // Atom
                    text();
                } else if (name.equals("title") || name.equals("link") || name.equals("description")) {
                    plain.put(name, text());
                } else if (name.equals("summary")) {
                    plain.put("description", text());
                } else {
                    text(); // not an attribute Orion reads
                }
            }
        }
        plain.putAll(google);
        return plain;
    }

    /** Reads the current element to its end and returns its own text; nested elements (g:shipping's parts) are skipped. */
    private String text() throws XMLStreamException {
        var text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                element(depth);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                chars += xml.getTextLength();
                if (chars > limits.maxRecordBytes()) {
                    throw new ItemTooLarge(limits.recordTooLong("the item"), depth + 1);
                }
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    /** Counts an element of the current item; {@code depth} is how deep inside the item's child it is. */
    private void element(int depth) {
        if (++elements > FeedLimits.MAX_ELEMENTS_PER_ITEM) {
            throw new ItemTooLarge("the item has more than " + FeedLimits.MAX_ELEMENTS_PER_ITEM + " elements", depth + 1);
        }
    }

    /** Reads on to the end of the item, keeping nothing; {@code depth} is how many elements are still open in it. */
    private void skipRest(int depth) throws XMLStreamException {
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** An item over a limit, with the number of elements open (the item included) where it was noticed. */
    private static final class ItemTooLarge extends RuntimeException {

        private final int depth;

        ItemTooLarge(String message, int depth) {
            super(message, null, false, false);
            this.depth = depth;
        }
    }

    @Override
    public void close() throws XMLStreamException {
        xml.close();
    }
}
