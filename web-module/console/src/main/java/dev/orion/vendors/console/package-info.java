/**
 * The vendors' console: the vendors page (ADMIN) and {@code VendorChoices}, the one bean every page's vendor menus
 * and vendor labels read.
 */
package dev.orion.vendors.console;
