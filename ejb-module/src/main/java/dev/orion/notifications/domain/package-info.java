/**
 * Notifications' entity: an {@code OutboxEmail} and the states of its delivery.
 */
package dev.orion.notifications.domain;
