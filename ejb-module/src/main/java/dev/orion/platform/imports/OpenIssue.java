package dev.orion.platform.imports;

import java.time.Instant;

/** An issue of a product from the latest import that named it; a later import that names the product closes it. */
public record OpenIssue(long importId, ImportIssue issue, Instant reportedAt) {
}
