/**
 * Reporting in the console: the dashboard, the reports page and report downloads.
 */
package dev.orion.reporting.console;
