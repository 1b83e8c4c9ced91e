/**
 * Idempotency keys of the API: the first answer to a keyed request is stored and replayed to a retry with the
 * same key, so a client that lost an answer cannot create something twice.
 */
package dev.orion.platform.idempotency;
