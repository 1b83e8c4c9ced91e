/**
 * The seam between schedules and the work they fire: each capability implements
 * {@link dev.orion.platform.scheduling.ScheduledTask} for its own scheduled work; the schedules themselves
 * (timers, run history, misfires) are operations' ({@code operations.scheduling}).
 */
package dev.orion.platform.scheduling;
