/**
 * Orders in the console: the orders list, an order's page and the customers page; beans that delegate to
 * {@code orders.application}. The order page's invoice part is billing's.
 */
package dev.orion.orders.console;
