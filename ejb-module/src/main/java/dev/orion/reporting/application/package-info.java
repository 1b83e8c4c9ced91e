/**
 * Reporting's use cases: the dashboard, the sales figures query, and {@code SalesReports} (request, audited
 * with the caller's {@code Actor}, find, open, the nightly task).
 */
package dev.orion.reporting.application;
