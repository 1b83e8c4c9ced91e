/**
 * The servers of a cluster as the database sees them: heartbeats, and the claim on a server that went silent.
 */
package dev.orion.operations.cluster;
