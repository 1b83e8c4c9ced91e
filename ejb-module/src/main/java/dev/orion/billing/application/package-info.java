/**
 * Billing's use cases: {@code OrderInvoices} (issue, audited with the caller's {@code Actor}, find, open),
 * invoice numbering and PDFs, VAT rates, subscription administration and renewals.
 */
package dev.orion.billing.application;
