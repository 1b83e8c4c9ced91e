/** The webhook queue's listener. */
package dev.orion.events.infrastructure;
