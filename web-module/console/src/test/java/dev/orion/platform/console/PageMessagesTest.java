package dev.orion.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.faces.application.FacesMessage;
import org.junit.jupiter.api.Test;

/** What the growl and p:message are handed: each shows its text once. */
class PageMessagesTest {

    @Test
    void aGrowlMessageWithNothingToAddHasNoDetailThatRepeatsIt() {
        var message = PageMessages.message(null, FacesMessage.SEVERITY_INFO, "Event queued again.", null);
        assertEquals("Event queued again.", message.getSummary());
        assertEquals("", message.getDetail(), "the growl shows summary and detail: the text once");
    }

    @Test
    void aReasonStaysTheDetailUnderItsSummary() {
        var message = PageMessages.message(null, FacesMessage.SEVERITY_ERROR, "Refused", "The endpoint is disabled");
        assertEquals("Refused", message.getSummary());
        assertEquals("The endpoint is disabled", message.getDetail());
    }

    @Test
    void aFieldMessageKeepsItsTextAsTheDetailThatPMessageShows() {
        var message = PageMessages.message("log-form:since", FacesMessage.SEVERITY_ERROR, "Choose since when.", null);
        assertEquals("Choose since when.", message.getDetail());
    }
}
