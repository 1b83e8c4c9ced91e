package dev.orion.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An email Orion owes someone. It is written in the business transaction that caused it, so it exists
 * exactly when that transaction commits, and it becomes SENT once, whatever the queue redelivers.
 */
@Entity
@Table(name = "email_outbox")
public class OutboxEmail {

    public enum Status { QUEUED, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dedupe_key", nullable = false, unique = true, updatable = false)
    private String dedupeKey;

    @Column(nullable = false, updatable = false)
    private String template;

    @Column(nullable = false, updatable = false)
    private String locale;

    @Column(nullable = false, updatable = false)
    private String recipient;

    private String subject;

    @Column(nullable = false, updatable = false)
    private String model;

    /** JSON list of the files to attach, each a storage key with its file name and type. */
    @Column(nullable = false, updatable = false)
    private String attachments = "[]";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.QUEUED;

    /** Kept with the email so that every later message for it (a re-send, a reminder) has the same priority. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EmailPriority priority = EmailPriority.NORMAL;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    protected OutboxEmail() {
    }

    public OutboxEmail(String dedupeKey, String template, String locale, String recipient, String model, String attachments,
                       EmailPriority priority) {
        if (recipient == null || !recipient.contains("@")) {
            throw new IllegalArgumentException("Recipient is not an email address: " + recipient);
        }
        if (priority == null) {
            throw new IllegalArgumentException("An email needs a priority");
        }
        this.priority = priority;
        this.dedupeKey = dedupeKey;
        this.template = template;
        this.locale = locale;
        this.recipient = recipient;
        this.model = model;
        this.attachments = attachments;
    }

    public boolean isSent() {
        return status == Status.SENT;
    }

    public void markSent(String subjectLine, String smtpMessageId) {
        status = Status.SENT;
        subject = subjectLine;
        messageId = smtpMessageId;
        sentAt = OffsetDateTime.now();
        lastError = null;
    }

    public void markFailed(String error) {
        status = Status.FAILED;
        lastError = error;
    }

    /** A failed email goes back on the queue (a dead letter re-sent by staff); a sent one never does. */
    public void requeue() {
        if (status != Status.FAILED) {
            throw new IllegalStateException("Only a FAILED email can be re-sent; email " + id + " is " + status);
        }
        status = Status.QUEUED;
    }

    public void recordAttempt(String error) {
        attempts++;
        lastError = error;
    }

    public Long getId() { return id; }
    public String getDedupeKey() { return dedupeKey; }
    public String getTemplate() { return template; }
    public String getLocale() { return locale; }
    public String getRecipient() { return recipient; }
    public String getModel() { return model; }
    public String getAttachments() { return attachments; }
    public Status getStatus() { return status; }
    public EmailPriority getPriority() { return priority; }
    public int getAttempts() { return attempts; }
    public String getMessageId() { return messageId; }
    public String getLastError() { return lastError; }
    public String getSubject() { return subject; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getSentAt() { return sentAt; }
}
