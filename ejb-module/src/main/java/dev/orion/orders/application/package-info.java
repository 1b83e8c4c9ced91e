/**
 * Orders' use cases, shared by the API, the console and the jobs: {@code OrderService} (place, transition,
 * resend, each audited with the caller's {@code Actor}), {@code OrderListing} (the one order listing), customers and
 * marketplace order imports.
 */
package dev.orion.orders.application;
