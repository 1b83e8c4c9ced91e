/**
 * Reporting: the dashboard's figures and sales reports (CSV or PDF, written by a batch job into storage,
 * emailed nightly). Uses vendors, identity and notifications.
 */
package dev.orion.reporting;
