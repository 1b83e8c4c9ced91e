package dev.orion.catalog.application;

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
 * entities are refused.
 */
public final class MerchantXmlItems implements AutoCloseable {

    static final String GOOGLE = "http://base.google.com/ns/1.0";

    private final XMLStreamReader xml;

    public MerchantXmlItems(Reader text) throws XMLStreamException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xml = factory.createXMLStreamReader(text);
    }

    /** The next item as a feed row, or null at the end of the feed. */
    public FeedRow next() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && isItem()) {
                long line = xml.getLocation().getLineNumber();
                return new FeedRow(line, readItem());
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
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws XMLStreamException {
        xml.close();
    }
}
