package dev.orion.catalog.rest;

import dev.orion.catalog.application.ImportRevert;
import java.time.Instant;
import java.util.List;

/** What reverting an import did: counts, and the SKUs changed by someone else since, which were left alone. */
public record RevertJson(long importId, long restored, long removed, long unavailable, long conflicts, List<String> conflictSkus,
                         Instant revertedAt, String revertedBy) {

    static RevertJson of(ImportRevert revert) {
        return new RevertJson(revert.importId(), revert.restored(), revert.removed(), revert.unavailable(), revert.conflicts(),
                revert.conflictSkus(), revert.revertedAt(), revert.revertedBy());
    }
}
