package dev.orion.catalog.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What reverting an import did: products given back their values from before it ({@code restored}), products it
 * created that were deleted ({@code removed}) or, being named by orders, made out of stock instead
 * ({@code unavailable}), and products changed by someone else since, left as they are ({@code conflicts}; the
 * first {@link ImportReverts#CONFLICTS_LISTED} of their SKUs in {@code conflictSkus}).
 */
public record ImportRevert(long importId, long restored, long removed, long unavailable, long conflicts,
                           List<String> conflictSkus, Instant revertedAt, String revertedBy) implements Serializable {
}
