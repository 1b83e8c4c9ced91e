/**
 * The servers of a cluster as the database sees them: heartbeats, the claim on a server that went silent, and
 * {@link dev.orion.platform.cluster.NodeDeclaredDead}, the event each capability observes to recover its own work.
 */
package dev.orion.operations.cluster;
