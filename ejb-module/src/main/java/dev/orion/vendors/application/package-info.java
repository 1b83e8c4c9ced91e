/**
 * Vendors' use cases: {@code VendorDirectory} (look-ups, cached in Redis) and {@code VendorAdministration}
 * (create, update, (de)activate, audited with the caller's {@code Actor}).
 */
package dev.orion.vendors.application;
