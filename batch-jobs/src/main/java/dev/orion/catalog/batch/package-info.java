/**
 * The {@code product-import} job's artifacts (META-INF/batch-jobs/product-import.xml): the feed reader and its
 * checkpoint, the row processor, the chunk writer, and the batchlet that retires products absent from a full feed.
 */
package dev.orion.catalog.batch;
