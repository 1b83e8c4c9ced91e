/**
 * Vendors: the merchants Orion serves, their settings and the cached vendor directory every other
 * capability reads. Uses only the kernel.
 */
package dev.orion.vendors;
