/**
 * Billing in the console: subscriptions, and the invoice part of the order page ({@code OrderInvoiceView},
 * the PDF download servlet), so that the order page's own bean needs nothing from billing.
 */
package dev.orion.billing.console;
