/**
 * The console's plumbing for every capability's pages: the signed-in user (ConsoleCaller) and the vendor menu
 * (VendorMenu) as interfaces their owners implement, the audit actor, page messages, error pages with
 * references, security headers, locale and money formatting.
 */
package dev.orion.platform.console;
