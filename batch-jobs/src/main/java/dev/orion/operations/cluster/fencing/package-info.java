/**
 * Fencing of a server that was taken for dead while it was only paused (docs/cluster.md, "Fencing"): each job chunk
 * commits only while the server that runs it still holds the epoch the execution was started under
 * ({@link dev.orion.operations.cluster.fencing.WriteFence}), and a server that finds its lease gone stops the
 * executions it still runs ({@link dev.orion.operations.cluster.fencing.FencedExecutions}).
 */
package dev.orion.operations.cluster.fencing;
