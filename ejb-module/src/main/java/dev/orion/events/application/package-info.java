/**
 * Recording events (the one entry point every capability calls, {@link dev.orion.events.application.EventLog}),
 * reading them, administering webhook endpoints, and delivering events to them.
 */
package dev.orion.events.application;
