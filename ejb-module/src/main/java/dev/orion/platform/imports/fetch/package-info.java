/**
 * Fetching a feed named by URL without letting a tenant reach inside: the form check, the allow-list, address
 * vetting with pinned DNS, and a size-bounded download (docs/security.md).
 */
package dev.orion.platform.imports.fetch;
