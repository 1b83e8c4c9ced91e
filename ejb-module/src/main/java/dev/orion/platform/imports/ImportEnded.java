package dev.orion.platform.imports;

/**
 * An import job's execution ended, completed or failed (not one that only waited for capacity, nor one stopped to be
 * restarted). Fired synchronously by the job's report listener, so a capability can tell the vendor (an event)
 * without the kernel knowing it.
 *
 * @param job       the job's name ({@code product-import}, {@code order-import})
 * @param importId  the import's id in the API (its job instance's first execution)
 * @param vendorId  the vendor it imported for
 * @param completed true when it completed, false when it failed
 */
public record ImportEnded(String job, long importId, long vendorId, boolean completed) {
}
