/**
 * The operators' API: the batch monitor ({@code /api/v1/batch}), schedules ({@code /api/v1/schedules}) and feature
 * flags ({@code /api/v1/flags}), thin adapters over {@code operations.batch}, {@code operations.scheduling} and the
 * kernel's {@code platform.flags}.
 */
package dev.orion.operations.rest;
