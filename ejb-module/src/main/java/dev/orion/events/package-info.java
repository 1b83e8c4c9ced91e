/**
 * Events: what happened in a vendor's business that its systems care about (an order placed, its status changed),
 * written in the transaction of the change, listed by the API and pushed to the vendor's webhook endpoints, signed,
 * with retries, a delivery log and redelivery (docs/webhooks.md).
 */
package dev.orion.events;
