/**
 * The catalog's REST adapters ({@code /api/v1/products}, {@code /stock/adjustments}, {@code /imports}): translate
 * HTTP to the application services and back (ETags, merge patch, cursors), no rules of their own.
 */
package dev.orion.catalog.rest;
