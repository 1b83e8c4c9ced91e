/**
 * The outbox in the console: emails by status, dead letters, a rendered preview and resending.
 */
package dev.orion.notifications.console;
