package dev.orion.billing.application;

import dev.orion.notifications.application.EmailAttachment;
import dev.orion.platform.storage.StorageBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Invoice PDFs in storage, under each invoice's key: written once when issued, read for downloads and emails. */
@ApplicationScoped
public class InvoiceFiles {

    @Inject
    StorageBackend storage;

    public void store(InvoiceView invoice, Consumer<OutputStream> pdf) {
        try (var out = storage.create(invoice.storageKey())) {
            pdf.accept(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store invoice " + invoice.number(), e);
        }
    }

    public InputStream open(InvoiceView invoice) {
        try {
            return storage.open(invoice.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of invoice " + invoice.number() + " is missing from storage", e);
        }
    }

    /** The PDF as an email carries it. */
    public EmailAttachment attachment(InvoiceView invoice) {
        return new EmailAttachment(invoice.fileName(), "application/pdf", invoice.storageKey());
    }
}
