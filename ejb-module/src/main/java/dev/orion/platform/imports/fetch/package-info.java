/**
 * Reaching a URL a tenant named without letting the tenant reach inside: the form check, the allow-list, address
 * vetting with pinned DNS, a size-bounded feed download and a bounded webhook POST (docs/security.md,
 * docs/webhooks.md).
 */
package dev.orion.platform.imports.fetch;
