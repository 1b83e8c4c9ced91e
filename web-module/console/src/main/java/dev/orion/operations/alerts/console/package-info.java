/** The alerts page ({@code /console/admin/alerts}, ADMIN): what fires now, and the rules to add, change or delete. */
package dev.orion.operations.alerts.console;
