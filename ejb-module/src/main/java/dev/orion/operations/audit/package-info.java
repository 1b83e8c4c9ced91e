/**
 * Reading the audit log for the viewer (filters, pages). Writing it ({@code platform.audit.AuditLog}) is the kernel's,
 * used by every capability.
 */
package dev.orion.operations.audit;
