package dev.orion.operations.cluster;

import java.time.Instant;

/** A server that stopped beating: its node name and the last time it said it was alive. */
public record SilentNode(String name, Instant lastSeen) {
}
