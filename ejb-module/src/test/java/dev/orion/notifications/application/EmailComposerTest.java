package dev.orion.notifications.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EmailComposerTest {

    private static final String MODEL = "{\"orderId\": 1042, \"customerName\": \"Ada <Lovelace>\", \"total\": \"19.90 EUR\","
            + " \"vendorName\": \"Northwind\"}";

    private final EmailComposer composer = new EmailComposer();

    @ParameterizedTest
    @CsvSource({
            "en, Your order 1042 at Northwind is confirmed, Hello Ada <Lovelace>",
            "fr, Votre commande 1042 chez Northwind est confirmée, Bonjour Ada <Lovelace>",
            "de, Ihre Bestellung 1042 bei Northwind ist bestätigt, Hallo Ada <Lovelace>",
            "es, Your order 1042 at Northwind is confirmed, Hello Ada <Lovelace>"})
    void theOrderConfirmationSpeaksTheCustomersLanguage(String locale, String subject, String greeting) {
        RenderedEmail email = composer.compose("order-confirmation", locale, MODEL);

        assertEquals(subject, email.subject());
        assertTrue(email.text().startsWith(greeting + ","), email.text());
        assertTrue(email.text().contains("19.90 EUR"), email.text());
    }

    @ParameterizedTest
    @CsvSource({
            "en, Invoice NW-2026-000007 from Northwind, please find attached invoice NW-2026-000007",
            "fr, Facture NW-2026-000007 de Northwind, vous trouverez ci-joint la facture NW-2026-000007",
            "de, Rechnung NW-2026-000007 von Northwind, anbei erhalten Sie die Rechnung NW-2026-000007"})
    void theInvoiceEmailSpeaksTheCustomersLanguage(String locale, String subject, String sentence) {
        RenderedEmail email = composer.compose("invoice", locale, MODEL.replace("{", "{\"invoiceNumber\": \"NW-2026-000007\", "));

        assertEquals(subject, email.subject());
        assertTrue(email.text().contains(sentence), email.text());
        assertTrue(email.html().contains("<strong>NW-2026-000007</strong>"), email.html());
    }

    @Test
    void theHtmlPartEscapesWhatCustomersTyped() {
        RenderedEmail email = composer.compose("order-confirmation", "en", MODEL);

        assertTrue(email.html().contains("Hello Ada &lt;Lovelace&gt;,"), email.html());
        assertTrue(email.html().contains("<strong>1042</strong>"), email.html());
    }

    @Test
    void anUnknownTemplateIsAClearError() {
        var error = assertThrows(IllegalArgumentException.class, () -> composer.compose("newsletter", "en", MODEL));
        assertTrue(error.getMessage().contains("newsletter"), error.getMessage());
    }

    @Test
    void aSecretLinkIsWithheldInPreviewsAndMadeOnlyWhenSending() {
        String model = "{\"name\": \"Ada\", \"minutes\": 30, \"link\": {\"secretLink\": \"password-reset\", \"ref\": 7}}";

        RenderedEmail preview = composer.compose("password-reset", "en", model);
        RenderedEmail sent = composer.compose("password-reset", "en", model, (kind, ref) -> "https://orion.example/" + kind + "/" + ref);

        assertTrue(preview.text().contains(SecretLink.WITHHELD), preview.text());
        assertTrue(sent.text().contains("https://orion.example/password-reset/7"), sent.text());
    }
}
