/**
 * Where files live: the local directory or an S3-compatible bucket, chosen once by {@link
 * dev.orion.platform.storage.StorageBackends}. Shipped in the EAR's lib/ with the health checks (shared-lib); the
 * start-up check that refuses a storage that cannot be used is {@code dev.orion.platform.StorageAtStartup}, an EJB.
 */
package dev.orion.platform.storage;
