/**
 * Vendors' entity: a {@code Vendor} and the rules of its settings.
 */
package dev.orion.vendors.domain;
