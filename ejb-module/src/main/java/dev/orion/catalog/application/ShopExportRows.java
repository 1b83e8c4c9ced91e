package dev.orion.catalog.application;

import java.util.Map;
import java.util.Optional;

/**
 * A shop system's product export read as a feed (Shopify, WooCommerce): each CSV record gives a product, or none
 * (a parent, an extra image). Keeps what later rows inherit; a reader that restarts replays the rows it passes over.
 */
public interface ShopExportRows {

    Optional<FeedRow> accept(long line, Map<String, String> record);
}
