/**
 * Operations: what operators run and watch — schedules, the batch monitor, audit viewing, cluster membership,
 * housekeeping and in-app alerts ({@code operations.alerts}) — with its own REST resources ({@code operations.rest}) and console pages ({@code operations.console}).
 * It may use the kernel ({@code dev.orion.platform}) and other capabilities' {@code application} packages only.
 */
package dev.orion.operations;
