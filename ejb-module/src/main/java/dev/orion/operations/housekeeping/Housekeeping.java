package dev.orion.operations.housekeeping;

import dev.orion.platform.retention.ExpiredDataPurge;
import dev.orion.platform.retention.ExpiredDataPurge.Purged;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Asks every capability to delete what has outlived its retention (sent emails, old schedule runs, expired
 * password reset links, ...), all in one transaction: each {@link ExpiredDataPurge} deletes only its own rows.
 */
@Stateless
public class Housekeeping {

    @Inject
    @Any
    Instance<ExpiredDataPurge> purges;

    /** @return a one-line summary of what was removed, e.g. "removed 3 sent email(s) and 0 schedule run(s)" */
    public String purgeExpired() {
        OffsetDateTime now = OffsetDateTime.now();
        List<String> removed = purges.stream().map(purge -> purge.purgeExpired(now))
                .sorted(Comparator.comparing(Purged::what)).map(Purged::toString).toList();
        return "removed " + inWords(removed);
    }

    /** "a", "a and b", "a, b and c"; "nothing" for none. */
    static String inWords(List<String> parts) {
        if (parts.isEmpty()) {
            return "nothing";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
