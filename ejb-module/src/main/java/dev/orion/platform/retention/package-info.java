/**
 * Retention: the interface through which each capability purges its own expired data when housekeeping asks.
 * Kernel: imports no capability.
 */
package dev.orion.platform.retention;
