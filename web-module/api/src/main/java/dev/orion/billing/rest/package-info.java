/**
 * Invoices over the API ({@code /api/v1/orders/{id}/invoice}): a thin resource over
 * {@code billing.application.OrderInvoices}.
 */
package dev.orion.billing.rest;
