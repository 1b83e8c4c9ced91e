/**
 * The batch monitor's API: starting, listing, stopping, restarting and abandoning job executions
 * ({@link dev.orion.operations.batch.BatchJobs}, implemented over JBeret in {@code operations.batch.jberet}).
 */
package dev.orion.operations.batch;
