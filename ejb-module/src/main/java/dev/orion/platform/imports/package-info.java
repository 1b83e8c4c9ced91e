/**
 * Kernel support for feed imports, knowing no capability: bounded reading of stored feeds (record and inflation
 * limits, line counting, excerpts), storing uploads, and following imports as job executions with their report
 * of rejected rows. The jobs' shared batch artifacts are in {@code platform.imports.batch} (batch-jobs).
 */
package dev.orion.platform.imports;
