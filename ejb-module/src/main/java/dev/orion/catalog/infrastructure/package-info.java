/**
 * Catalog persistence that JPA does not express well (the bulk upsert of imported products in SQL), and the
 * encryption of feed credentials at rest.
 */
package dev.orion.catalog.infrastructure;
