package dev.orion.catalog.imports;

import java.io.Serializable;

/** Where a feed reader stands: CSV records consumed, and the format's own context (a Shopify handle's fields). */
record FeedCheckpoint(long records, Serializable context) implements Serializable {
}
