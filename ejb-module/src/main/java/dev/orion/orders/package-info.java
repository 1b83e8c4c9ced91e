/**
 * Orders: customers, orders and their lifecycle (placing reserves stock, cancelling returns it), the
 * confirmation email and marketplace order imports. Uses catalog (stock, prices), vendors, notifications and identity;
 * billing uses orders, never the reverse.
 */
package dev.orion.orders;
