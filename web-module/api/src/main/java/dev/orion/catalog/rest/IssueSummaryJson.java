package dev.orion.catalog.rest;

import dev.orion.platform.imports.IssueGroup;
import java.util.List;

/** An import's issues grouped like Google Merchant Center's: by code, attribute and severity, largest first. */
public record IssueSummaryJson(long importId, long rejected, long warnings, List<IssueGroupJson> groups) {

    /** One code's issues on one attribute: how many, what the code means and the first example lines. */
    public record IssueGroupJson(String code, String attribute, String severity, long count, String explanation, List<IssueJson> examples) {
    }

    static IssueSummaryJson of(long importId, List<IssueGroup> groups) {
        long rejected = groups.stream().filter(g -> "rejected".equals(g.severity())).mapToLong(IssueGroup::count).sum();
        long warnings = groups.stream().filter(g -> "warning".equals(g.severity())).mapToLong(IssueGroup::count).sum();
        return new IssueSummaryJson(importId, rejected, warnings, groups.stream().map(g -> new IssueGroupJson(g.code(), g.attribute(),
                g.severity(), g.count(), g.explanation(), g.examples().stream().map(IssueJson::of).toList())).toList());
    }
}
