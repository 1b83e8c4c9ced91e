package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductQuery;
import dev.orion.catalog.domain.Availability;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;

/**
 * Translates the table's filters into a {@link ProductQuery}, and a query to and from the export link's
 * parameters, so an export holds exactly the rows the table shows. Values the user typed that make no sense
 * (an unknown availability, a malformed stock range) filter nothing rather than fail.
 */
final class ProductQueryParams {

    /** "5", "2-10", "10-" (at least), "-3" (at most). */
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,9})?\\s*(-)?\\s*(\\d{1,9})?\\s*");

    private ProductQueryParams() {
    }

    static ProductQuery fromFilters(Map<String, FilterMeta> filters, boolean lowStock) {
        return of(name -> {
            FilterMeta meta = filters.get(name);
            Object value = meta == null ? null : meta.getFilterValue();
            return value == null ? null : value.toString();
        }, lowStock);
    }

    static ProductQuery fromRequest(Function<String, String> parameter) {
        return of(parameter, "true".equals(parameter.apply("lowStock")));
    }

    private static ProductQuery of(Function<String, String> value, boolean lowStock) {
        Integer[] range = stockRange(value.apply("stock"));
        return new ProductQuery(value.apply("sku"), value.apply("title"), value.apply("brand"),
                availability(value.apply("availability")), range[0], range[1], lowStock, value.apply(FilterMeta.GLOBAL_FILTER_KEY), null);
    }

    /** The query as URL parameters (names as the table's filter fields). */
    static String toUrlParams(ProductQuery q) {
        var params = new LinkedHashMap<String, Object>();
        params.put("sku", q.skuPrefix());
        params.put("title", q.title());
        params.put("brand", q.brand());
        params.put("availability", q.availability() == null ? null : q.availability().wireName());
        params.put("stock", q.minStock() == null && q.maxStock() == null ? null
                : (q.minStock() == null ? "" : q.minStock()) + "-" + (q.maxStock() == null ? "" : q.maxStock()));
        params.put("lowStock", q.lowStock() ? "true" : null);
        params.put(FilterMeta.GLOBAL_FILTER_KEY, q.text());
        return params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Availability availability(String value) {
        try {
            return value == null || value.isBlank() ? null : Availability.fromWire(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Integer[] stockRange(String text) {
        var match = text == null ? null : RANGE.matcher(text);
        if (match == null || !match.matches() || (match.group(1) == null && match.group(3) == null)) {
            return new Integer[] {null, null};
        }
        Integer from = match.group(1) == null ? null : Integer.valueOf(match.group(1));
        Integer to = match.group(3) == null ? null : Integer.valueOf(match.group(3));
        if (match.group(2) == null) {
            return new Integer[] {from, from}; // a single number: exactly that stock
        }
        return new Integer[] {from, to};
    }
}
