/**
 * The {@code order-import} job's artifacts (META-INF/batch-jobs/order-import.xml): the JSON Lines reader, the
 * processor that turns a line into a marketplace order, and the writer that places the orders of a chunk.
 */
package dev.orion.orders.batch;
