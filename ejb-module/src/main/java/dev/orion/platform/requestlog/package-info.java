/**
 * Request log: what each API client asked and what it got (method, route template, status, duration, idempotency
 * key and whether the answer was a replay, correlation id), never the bodies. Requests hand their entry to a
 * bounded queue and go on; the queue is written to PostgreSQL in batches on the server's scheduler. Kernel: imports
 * no capability.
 */
package dev.orion.platform.requestlog;
