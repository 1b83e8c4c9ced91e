/**
 * The catalog's use cases, shared by every adapter: the one product query ({@code ProductListing}), writes and the
 * one stock adjustment ({@code ProductCatalog}), console edits and feed imports. Changes are audited here.
 */
package dev.orion.catalog.application;
