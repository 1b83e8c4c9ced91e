package dev.orion.notifications.application;

import dev.orion.notifications.domain.EmailPriority;
import java.util.List;
import java.util.Map;

/**
 * An email to send: which template, in which locale, to whom, with what data. The dedupe key makes
 * enqueueing idempotent: the same key never produces a second email. An email is {@code NORMAL} unless the
 * sender says it is {@link #urgent()} (someone waits for it) or {@link #bulk()} (mail to many, nobody waits).
 */
public record EmailRequest(String template, String locale, String recipient, Map<String, Object> model, String dedupeKey,
                           List<EmailAttachment> attachments, EmailPriority priority) {

    public EmailRequest {
        if (priority == null) {
            throw new IllegalArgumentException("An email needs a priority");
        }
    }

    public EmailRequest(String template, String locale, String recipient, Map<String, Object> model, String dedupeKey,
                        List<EmailAttachment> attachments) {
        this(template, locale, recipient, model, dedupeKey, attachments, EmailPriority.NORMAL);
    }

    public EmailRequest(String template, String locale, String recipient, Map<String, Object> model, String dedupeKey) {
        this(template, locale, recipient, model, dedupeKey, List.of());
    }

    /** This email before any other waiting: someone is at a screen waiting for it (a password reset, an invitation). */
    public EmailRequest urgent() {
        return withPriority(EmailPriority.URGENT);
    }

    /** This email after every other waiting: one of many sent at once (a nightly report, a renewal invoice). */
    public EmailRequest bulk() {
        return withPriority(EmailPriority.BULK);
    }

    private EmailRequest withPriority(EmailPriority newPriority) {
        return new EmailRequest(template, locale, recipient, model, dedupeKey, attachments, newPriority);
    }
}
