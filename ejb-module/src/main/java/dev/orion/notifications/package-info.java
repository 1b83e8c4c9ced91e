/**
 * Notifications: emails through the outbox (a row and a JMS message in the caller's transaction), their
 * rendering, throttled delivery, retries and dead letters. Uses no other capability: the others use it.
 */
package dev.orion.notifications;
