/**
 * Reports over the API ({@code /api/v1/reports}): request a sales report, follow it, download it.
 */
package dev.orion.reporting.rest;
