/**
 * Writing the audit log: the service that makes a change records it with the Actor its adapter passed in, in the
 * same transaction. Reading it is operations' ({@code operations.audit}).
 */
package dev.orion.platform.audit;
