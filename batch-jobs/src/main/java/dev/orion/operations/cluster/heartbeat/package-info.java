/**
 * The heartbeat timer each server runs: it beats, claims servers silent too long and announces them dead.
 */
package dev.orion.operations.cluster.heartbeat;
