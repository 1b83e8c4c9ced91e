package dev.orion.catalog.application;

import dev.orion.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed in none of the formats Orion reads, refused before any job starts: the problem names each supported
 * format and the columns it expects, so the vendor can tell which export to make.
 */
public class UnsupportedFeedException extends DomainException {

    public static final String MESSAGE = "The feed is in none of the formats Orion reads; nothing was imported. Supported: ";

    public UnsupportedFeedException() {
        super(422, "unsupported-feed-format", "Unsupported feed format", MESSAGE + ProductFeedFormat.supported(), false);
    }

    @Override
    public Map<String, Object> problemMembers() {
        var formats = new java.util.ArrayList<Map<String, Object>>();
        for (ProductFeedFormat format : ProductFeedFormat.values()) {
            var member = new LinkedHashMap<String, Object>();
            member.put("format", format.label());
            member.put("expected", format.columns());
            formats.add(member);
        }
        return Map.of("supported_formats", List.copyOf(formats));
    }
}
