package dev.orion.notifications.application;

import java.util.List;
import java.util.Map;

/**
 * An email to send: which template, in which locale, to whom, with what data. The dedupe key makes
 * enqueueing idempotent: the same key never produces a second email.
 */
public record EmailRequest(String template, String locale, String recipient, Map<String, Object> model, String dedupeKey,
                           List<EmailAttachment> attachments) {

    public EmailRequest(String template, String locale, String recipient, Map<String, Object> model, String dedupeKey) {
        this(template, locale, recipient, model, dedupeKey, List.of());
    }
}
