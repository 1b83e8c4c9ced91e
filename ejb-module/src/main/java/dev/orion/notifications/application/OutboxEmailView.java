package dev.orion.notifications.application;

import dev.orion.notifications.domain.OutboxEmail;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** An outbox email as staff see it: who, what, where it stands and why it failed. */
public record OutboxEmailView(long id, String template, String locale, String recipient, String subject, String status,
                              int attempts, String lastError, String dedupeKey, OffsetDateTime createdAt,
                              OffsetDateTime sentAt, String priority) implements Serializable {

    static OutboxEmailView of(OutboxEmail e) {
        return new OutboxEmailView(e.getId(), e.getTemplate(), e.getLocale(), e.getRecipient(), e.getSubject(),
                e.getStatus().name(), e.getAttempts(), e.getLastError(), e.getDedupeKey(), e.getCreatedAt(), e.getSentAt(),
                e.getPriority().name());
    }
}
