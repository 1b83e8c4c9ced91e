package dev.orion.platform.imports;

import java.io.Serializable;
import java.util.List;

/** An import's issues of one code, attribute and severity: how many, what the code means, and the first examples. */
public record IssueGroup(String code, String attribute, String severity, long count, String explanation,
                         List<ImportIssue> examples) implements Serializable {
}
