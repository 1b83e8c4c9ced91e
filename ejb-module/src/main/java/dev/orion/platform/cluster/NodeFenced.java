package dev.orion.platform.cluster;

/**
 * This server was taken for dead while it was in fact alive (a long pause) and has lost its lease: its heartbeat
 * found {@code epoch} gone. Fired synchronously before the server rejoins with a new epoch, so each capability can
 * stop what it still runs under the lost epoch (operations stops its job executions).
 *
 * @param node  this server's node name
 * @param epoch the epoch it lost
 */
public record NodeFenced(String node, long epoch) {
}
