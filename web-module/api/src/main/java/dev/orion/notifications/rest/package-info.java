/**
 * The outbox over the API ({@code /api/v1/emails}): list, one email, resend; a thin resource over
 * {@code notifications.application.EmailOutbox}.
 */
package dev.orion.notifications.rest;
