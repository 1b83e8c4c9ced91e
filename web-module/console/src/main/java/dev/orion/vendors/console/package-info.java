/**
 * Vendors in the console: the vendors admin page over {@code vendors.application}.
 */
package dev.orion.vendors.console;
