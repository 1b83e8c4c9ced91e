/**
 * Notifications' JMS side: the MDB that delivers queued emails and the one that marks dead letters FAILED.
 */
package dev.orion.notifications.infrastructure;
