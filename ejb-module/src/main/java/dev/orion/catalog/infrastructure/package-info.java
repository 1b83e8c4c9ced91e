/**
 * Catalog persistence that JPA does not express well: the bulk upsert of imported products in SQL.
 */
package dev.orion.catalog.infrastructure;
