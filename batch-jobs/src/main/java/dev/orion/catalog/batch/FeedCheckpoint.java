package dev.orion.catalog.batch;

import java.io.Serializable;

/**
 * Where a feed reader stands: records (or XML items) consumed. {@code context} held a Shopify handle's fields in
 * earlier versions (up to a record's size, written with every chunk); it is now always null, the handle's rows
 * being replayed on restart instead, and is still read from checkpoints those versions wrote.
 */
record FeedCheckpoint(long records, Serializable context) implements Serializable {
}
