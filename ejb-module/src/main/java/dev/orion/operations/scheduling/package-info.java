/**
 * Schedules editable at runtime: persistent EJB timers that run the {@link dev.orion.platform.scheduling.ScheduledTask}
 * beans of every capability, once per firing across a cluster, with their run history.
 */
package dev.orion.operations.scheduling;
