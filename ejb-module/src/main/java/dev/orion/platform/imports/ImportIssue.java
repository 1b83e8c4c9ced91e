package dev.orion.platform.imports;

import java.io.Serializable;

/** One line of an import's report as users see it: a rejected row or a warning about dropped data, with its code. */
public record ImportIssue(long line, String column, String value, String reason, String severity, String code) implements Serializable {
}
