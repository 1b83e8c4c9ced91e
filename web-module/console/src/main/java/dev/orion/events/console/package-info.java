/**
 * The webhooks console pages ({@code /console/webhooks/webhooks, endpoint}): a vendor's webhook endpoints (every
 * vendor's for platform staff) with their delivery health, and one endpoint's delivery log with redelivery. They
 * call the same events services as the API ({@code webhook-endpoints}, docs/webhooks.md).
 */
package dev.orion.events.console;
