/** Webhook endpoints, deliveries and their attempts; each guards its own state. */
package dev.orion.events.domain;
