/**
 * Demo data: composes every capability (vendors, identity, catalog, orders, billing) to seed an empty database
 * for local runs ({@code ORION_DEMO_DATA=true}). A composition root, not a capability: nothing depends on it.
 */
package dev.orion.demo;
