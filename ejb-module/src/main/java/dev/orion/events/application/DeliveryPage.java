package dev.orion.events.application;

import java.io.Serializable;
import java.util.List;

/** One page of an endpoint's delivery log, newest first; {@code nextBefore} is where the next page starts. */
public record DeliveryPage(List<DeliveryView> items, boolean hasMore, Long nextBefore) implements Serializable {
}
