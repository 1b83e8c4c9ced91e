package dev.orion.orders.batch;

/** A line of an orders feed as read, before it is parsed: the report names lines by {@code number}. */
record OrderFeedLine(long number, String text) {
}
