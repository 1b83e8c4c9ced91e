/**
 * Orders over the API ({@code /api/v1/orders}, {@code /api/v1/order-imports}): thin resources that
 * translate JSON and delegate to {@code orders.application}.
 */
package dev.orion.orders.rest;
