package dev.orion.notifications.console;

import dev.orion.notifications.application.EmailOutbox;
import dev.orion.notifications.application.NotResendableException;
import dev.orion.notifications.application.OutboxEmailView;
import dev.orion.notifications.application.RenderedEmail;
import dev.orion.notifications.domain.OutboxEmail;
import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.console.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import dev.orion.platform.console.DatabasePage;
import org.primefaces.model.LazyDataModel;

/**
 * The email outbox: all emails by status and recipient, the dead letters (FAILED, with their last error), a
 * rendered preview of one email, and re-sending one or all of the dead letters.
 */
@Named
@ViewScoped
public class EmailsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EmailOutbox outbox;

    @Inject
    ConsoleActor actor;

    private final PageMessages messages = new PageMessages("dev.orion.console.emails");
    private final LazyDataModel<OutboxEmailView> emails = table(false);
    private final LazyDataModel<OutboxEmailView> deadLetters = table(true);
    private OutboxEmail.Status status;
    private String recipient;
    private OutboxEmailView selected;
    private RenderedEmail preview;
    private String previewError;

    public void show(long id) {
        selected = outbox.find(id).orElse(null);
        preview = null;
        previewError = null;
        if (selected != null) {
            try {
                preview = outbox.preview(id).orElse(null);
            } catch (RuntimeException e) {
                // a template that no longer renders: say so in the dialog instead of failing the page
                previewError = e.getMessage();
            }
        }
    }

    public void resend(long id) {
        try {
            outbox.resend(actor.get(), id).ifPresent(email -> {
                messages.info("resent", email.recipient());
            });
        } catch (NotResendableException e) {
            messages.error(null, "notResendable", e.getMessage());
        }
    }

    public void resendAll() {
        int count = outbox.resendAllFailed(actor.get());
        messages.info("resentAll", count);
    }

    public long getFailedCount() {
        return outbox.count(OutboxEmail.Status.FAILED, null);
    }

    public LazyDataModel<OutboxEmailView> getEmails() { return emails; }
    public LazyDataModel<OutboxEmailView> getDeadLetters() { return deadLetters; }
    public OutboxEmail.Status[] getStatuses() { return OutboxEmail.Status.values(); }
    public OutboxEmail.Status getStatus() { return status; }
    public void setStatus(OutboxEmail.Status status) { this.status = status; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public OutboxEmailView getSelected() { return selected; }
    public RenderedEmail getPreview() { return preview; }
    public String getPreviewError() { return previewError; }

    /** The outbox table follows the page's status filter; the dead letters are the FAILED emails. */
    private OutboxEmail.Status statusFilter(boolean deadOnly) {
        return deadOnly ? OutboxEmail.Status.FAILED : status;
    }

    private LazyDataModel<OutboxEmailView> table(boolean deadOnly) {
        return new DatabasePage<>(() -> outbox.count(statusFilter(deadOnly), recipient),
                (first, size) -> outbox.page(statusFilter(deadOnly), recipient, first, size), email -> email.id());
    }
}
