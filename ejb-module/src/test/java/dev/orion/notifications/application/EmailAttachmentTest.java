package dev.orion.notifications.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailAttachmentTest {

    @Test
    void theOutboxKeepsAttachmentsInTheDocumentedFormAndReadsThemBack() {
        var pdf = new EmailAttachment("invoice-NW-2026-000001.pdf", "application/pdf", "invoices/7/NW-2026-000001.pdf");

        String json = EmailAttachment.toJson(List.of(pdf));

        assertEquals("[{\"filename\":\"invoice-NW-2026-000001.pdf\",\"content_type\":\"application/pdf\","
                + "\"storage_key\":\"invoices/7/NW-2026-000001.pdf\"}]", json);
        assertEquals(List.of(pdf), EmailAttachment.fromJson(json));
        assertEquals(List.of(), EmailAttachment.fromJson("[]"), "the column's default");
    }
}
