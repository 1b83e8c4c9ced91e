package dev.orion.events.application;

import java.util.List;

/** One page of events, oldest first; {@code nextAfter} is the position to go on from. */
public record EventPage(List<EventView> items, boolean hasMore, Long nextAfter) {
}
