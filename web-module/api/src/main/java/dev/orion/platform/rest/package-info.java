/**
 * The API's plumbing for every capability's resources: the authenticated caller (ApiCaller), problem+json for
 * every refusal, body size, rate-limit, idempotency and NUL filters, cursors, JSON Merge Patch, preconditions.
 * Names no capability (ArchitectureTest).
 */
package dev.orion.platform.rest;
