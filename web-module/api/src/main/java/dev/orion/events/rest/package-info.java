/** {@code /api/v1/events} and {@code /api/v1/webhook-endpoints}: thin adapters over events' services. */
package dev.orion.events.rest;
