/**
 * Secrets at rest: values Orion must be able to read back (a vendor's feed credentials, its webhook signing
 * secrets) are stored AES-GCM encrypted under the operator's key, {@code ORION_SECRET_KEY}. The kernel knows no
 * secret by name: each capability names the context its values are bound to.
 */
package dev.orion.platform.crypto;
