/**
 * The console's import screens (/console/imports/): start a products or marketplace-orders import, follow it,
 * list the recent ones and download a rejects report. Operations' view over catalog's and orders' imports.
 */
package dev.orion.operations.imports;
