/**
 * The catalog capability: each vendor's products (price, stock, availability, images), their stock movements,
 * product feed imports, and the product API and console pages. Other capabilities use it through {@code application}.
 */
package dev.orion.catalog;
