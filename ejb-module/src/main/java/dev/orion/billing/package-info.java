/**
 * Billing: order invoices (gapless numbers per vendor and year, PDF in storage, emailed) and the platform's
 * subscriptions to vendors with their renewal invoices. Uses orders, vendors, identity and notifications; no
 * capability uses billing.
 */
package dev.orion.billing;
