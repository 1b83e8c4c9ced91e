package dev.orion.catalog.application;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The WHERE clause of a {@link ProductQuery} for one vendor, with its bound parameters (never inlined values). */
final class ProductQuerySql {

    /**
     * The full-text document of a product: the expression of the products_search_idx GIN index (V1__core_schema.sql),
     * character for character, or PostgreSQL cannot use the index. Defined here only.
     */
    static final String SEARCH_VECTOR =
            "to_tsvector('simple', coalesce(p.title, '') || ' ' || coalesce(p.description, '') || ' ' || coalesce(p.brand, ''))";

    final String where;
    /**
     * The query has a condition no sort index helps with (full-text search, "contains"). Left to itself the planner
     * then tends to walk the sort column's index and test every row until it has a page, which for a rare word
     * means the whole catalogue (4 s on 1M rows, measured); see {@link #source()}.
     */
    final boolean unsortable;
    final Map<String, Object> params = new LinkedHashMap<>();

    ProductQuerySql(long vendorId, ProductQuery q) {
        var sql = new StringBuilder("p.vendor_id = :vendor");
        params.put("vendor", vendorId);
        if (present(q.skuPrefix())) {
            // matched by products_vendor_sku_prefix_idx (varchar_pattern_ops)
            sql.append(" AND p.sku LIKE :skuPrefix");
            params.put("skuPrefix", escapeLike(q.skuPrefix().strip()) + "%");
        }
        if (present(q.title())) {
            sql.append(" AND p.title ILIKE :title");
            params.put("title", "%" + escapeLike(q.title().strip()) + "%");
        }
        if (present(q.brand())) {
            // the whole brand in any case: "alder" finds "Alder", not "Alderwood" (the API's and the console's rule)
            sql.append(" AND lower(p.brand) = lower(:brand)");
            params.put("brand", q.brand().strip());
        }
        if (q.availability() != null) {
            sql.append(" AND p.availability = :availability");
            params.put("availability", q.availability().wireName());
        }
        if (q.minStock() != null) {
            sql.append(" AND p.stock >= :minStock");
            params.put("minStock", q.minStock());
        }
        if (q.maxStock() != null) {
            sql.append(" AND p.stock <= :maxStock");
            params.put("maxStock", q.maxStock());
        }
        if (q.updatedSince() != null) {
            // matched by products_updated_idx (vendor_id, updated_at)
            sql.append(" AND p.updated_at >= :since");
            params.put("since", q.updatedSince());
        }
        if (q.lowStock()) {
            sql.append(" AND p.stock <= ").append(LOW_STOCK_THRESHOLD);
        }
        String words = present(q.text()) ? prefixQuery(q.text()) : "";
        if (!words.isEmpty()) {
            sql.append(" AND ").append(SEARCH_VECTOR).append(" @@ to_tsquery('simple', :text)");
            params.put("text", words);
        }
        where = sql.toString();
        unsortable = present(q.title()) || present(q.brand()) || !words.isEmpty();
    }

    /** The vendor's own threshold, as stock.low and the dashboard use it: one look-up per query (an init plan). */
    static final String LOW_STOCK_THRESHOLD = "(SELECT v.low_stock_threshold FROM orion.vendors v WHERE v.id = :vendor)";

    /**
     * The FROM part of a sorted page, aliased p. For {@link #unsortable} queries the matches are found first in a
     * subquery the planner cannot merge (OFFSET 0), through the GIN index or one scan, and only they are sorted:
     * 15 ms for a rare word, 0.4 s for a word in a quarter of a million products.
     */
    String source() {
        return unsortable
                ? "(SELECT * FROM orion.products p WHERE " + where + " OFFSET 0) p"
                : "orion.products p WHERE " + where;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Every word of the search, each as a prefix ("blue sh" finds "Blue Shirt"). Only letters and digits are kept,
     * so nothing the user types can be tsquery syntax.
     */
    static String prefixQuery(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
    }

    /** The user's text is matched literally: % and _ are not wildcards. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
