/**
 * Where files live: the local directory or an S3-compatible bucket, chosen once by {@link
 * dev.orion.platform.storage.StorageBackends}. Shipped in the EAR's lib/ with the health checks.
 */
package dev.orion.platform.storage;
