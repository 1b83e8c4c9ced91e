/**
 * The operators' API: the batch monitor ({@code /api/v1/batch}) and schedules ({@code /api/v1/schedules}), thin
 * adapters over {@code operations.batch} and {@code operations.scheduling}.
 */
package dev.orion.operations.rest;
