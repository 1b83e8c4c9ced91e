/**
 * The {@code housekeeping} task: asks every capability's {@link dev.orion.platform.retention.ExpiredDataPurge} to
 * delete its own data past retention.
 */
package dev.orion.operations.housekeeping;
