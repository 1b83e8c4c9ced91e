/**
 * Orders' entities and rules: an {@code Order} guards its own status changes ({@code OrderStatus.next()}),
 * its lines and its timeline; no framework calls beyond JPA mapping.
 */
package dev.orion.orders.domain;
