/**
 * Billing's entities: an {@code Invoice} and a {@code Subscription} with its periods and the rules of its
 * status; no framework calls beyond JPA mapping.
 */
package dev.orion.billing.domain;
