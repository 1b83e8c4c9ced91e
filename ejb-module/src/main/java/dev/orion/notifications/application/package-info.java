/**
 * Notifications' use cases: {@code EmailQueue} (enqueue for every capability), delivery and rendering,
 * the outbox as staff see it ({@code EmailOutbox}: list, preview, resend, audited with the caller's {@code Actor}).
 */
package dev.orion.notifications.application;
