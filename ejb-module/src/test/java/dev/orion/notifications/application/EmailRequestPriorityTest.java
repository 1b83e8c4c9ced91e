package dev.orion.notifications.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.notifications.domain.EmailPriority;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailRequestPriorityTest {

    private final EmailRequest confirmation = new EmailRequest("order-confirmation", "en", "a@example.com", Map.of(), "key");

    @Test
    void anEmailIsNormalUnlessItsSenderSaysOtherwise() {
        assertEquals(EmailPriority.NORMAL, confirmation.priority());
        assertEquals(EmailPriority.URGENT, confirmation.urgent().priority());
        assertEquals(EmailPriority.BULK, confirmation.bulk().priority());
    }

    @Test
    void choosingAPriorityKeepsEverythingElse() {
        var request = new EmailRequest("sales-report", "de", "b@example.com", Map.of("x", 1), "report:1",
                List.of(new EmailAttachment("r.csv", "text/csv", "reports/r.csv")));
        var bulk = request.bulk();
        assertEquals(new EmailRequest(request.template(), request.locale(), request.recipient(), request.model(),
                request.dedupeKey(), request.attachments(), EmailPriority.BULK), bulk);
    }

    @Test
    void urgentGoesBeforeNormalAndNormalBeforeBulkAsJmsPriorities() {
        assertTrue(EmailPriority.URGENT.jmsPriority() > EmailPriority.NORMAL.jmsPriority());
        assertTrue(EmailPriority.NORMAL.jmsPriority() > EmailPriority.BULK.jmsPriority());
        assertEquals(4, EmailPriority.NORMAL.jmsPriority(), "JMS's default: messages sent without a priority rank with NORMAL");
        for (EmailPriority priority : EmailPriority.values()) {
            assertTrue(priority.jmsPriority() >= 0 && priority.jmsPriority() <= 9, priority + " is a JMS priority");
        }
    }

    @Test
    void anEmailWithoutAPriorityIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new EmailRequest("order-confirmation", "en", "a@example.com", Map.of(), "key", List.of(), null));
    }
}
