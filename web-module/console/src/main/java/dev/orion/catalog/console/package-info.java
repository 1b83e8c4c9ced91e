/**
 * The catalog's console pages: the products table (lazy, filtered and sorted in the database), the product form,
 * bulk actions and exports, all through the catalog's application services.
 */
package dev.orion.catalog.console;
