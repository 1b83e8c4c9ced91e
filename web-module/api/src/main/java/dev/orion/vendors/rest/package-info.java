/** {@code /api/v1/vendor}: the calling vendor's own settings, a thin adapter over the vendors' services. */
package dev.orion.vendors.rest;
