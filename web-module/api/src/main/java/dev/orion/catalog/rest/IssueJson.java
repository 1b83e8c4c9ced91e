package dev.orion.catalog.rest;

import dev.orion.platform.imports.ImportIssue;

/** One rejected row or warning of an import, with its stable code. */
public record IssueJson(String code, String severity, long line, String attribute, String value, String reason) {

    static IssueJson of(ImportIssue issue) {
        return new IssueJson(issue.code(), issue.severity(), issue.line(), issue.column(), issue.value(), issue.reason());
    }
}
