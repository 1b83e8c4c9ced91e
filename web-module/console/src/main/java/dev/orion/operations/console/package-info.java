/**
 * The operators' console pages ({@code /console/platform/batch, execution, schedules}, {@code /console/admin/audit}):
 * batch monitor, execution detail, schedules, audit viewer. Console plumbing (errors, headers, messages) stays in
 * {@code platform.console}.
 */
package dev.orion.operations.console;
