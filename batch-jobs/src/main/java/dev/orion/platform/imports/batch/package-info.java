/**
 * Batch artifacts every import job shares (product-import.xml, order-import.xml): the step that fetches a feed
 * named by URL, and the listeners that record rejected rows, end the step at the skip limit and keep the report.
 */
package dev.orion.platform.imports.batch;
