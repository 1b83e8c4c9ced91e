/**
 * The {@code sales-report} job's artifacts (META-INF/batch-jobs/sales-report.xml): per-vendor partitions that
 * gather the sales figures, their collector and analyzer, and the batchlet that writes the CSV or PDF to storage.
 */
package dev.orion.reporting.batch;
