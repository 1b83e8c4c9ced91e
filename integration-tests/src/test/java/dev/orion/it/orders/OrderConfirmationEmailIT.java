package dev.orion.it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.ApiClients;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(ArquillianExtension.class)
class OrderConfirmationEmailIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static long vendorId;
    private static String token;
    private static String vendorCode;

    @BeforeAll
    static void arrange() {
        String code = TestData.unique("mail");
        vendorCode = code;
        vendorId = TestData.vendor(code);
        TestData.apiClient(code + "-api", "secret-" + code, vendorId);
        token = ApiClients.token(code + "-api", "secret-" + code);
    }

    private static java.net.http.HttpResponse<String> transition(long orderId, String body) {
        return Http.plain().post(Http.BASE + "/api/v1/orders/" + orderId + "/transitions", "application/json", body,
                "Authorization", ApiClients.bearer(token));
    }

    @Test
    void confirmingAnOrderEmailsTheCustomerThroughTheQueue() throws Exception {
        String email = TestData.unique("ada") + "@example.com";
        long orderId = TestData.pendingOrder(vendorId, email, "SKU-1", "19.90");

        var response = transition(orderId, "{\"to\":\"CONFIRMED\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("CONFIRMED", Http.json(response).getString("status"));
        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(email),
                messages -> messages.length > 0);
        assertEquals(1, received.length);
        assertTrue(received[0].getSubject().contains(Long.toString(orderId)), received[0].getSubject());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("19.90 EUR"));
        String status = Poll.until(Duration.ofSeconds(10),
                () -> TestData.queryString("SELECT status FROM email_outbox WHERE dedupe_key = ?", "order-confirmation:" + orderId),
                "SENT"::equals);
        assertEquals("SENT", status);
    }

    @Test
    void theEmailIsInTheCustomersLanguage() throws Exception {
        String email = TestData.unique("amelie") + "@example.com";
        long orderId = TestData.pendingOrder(vendorId, email, "SKU-FR", "7.50");
        TestData.queryString("UPDATE customers SET locale = 'fr' WHERE email = ? RETURNING id", email);

        assertEquals(200, transition(orderId, "{\"to\":\"CONFIRMED\"}").statusCode());

        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(email),
                messages -> messages.length > 0);
        assertEquals("Votre commande " + orderId + " chez Vendor " + vendorCode + " est confirmée", received[0].getSubject());
        String body = GreenMailUtil.getBody(received[0]);
        assertTrue(body.contains("Bonjour Ada Customer") && body.contains("7.50 EUR"), body);
    }

    @Test
    void illegalTransitionIsConflictAndSendsNothing() {
        String email = TestData.unique("bob") + "@example.com";
        long orderId = TestData.pendingOrder(vendorId, email, "SKU-2", "5.00");

        var response = transition(orderId, "{\"to\":\"DELIVERED\"}");

        assertEquals(409, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("PENDING", TestData.queryString("SELECT status FROM orders WHERE id = ?", orderId));
        assertEquals(null, TestData.queryString("SELECT status FROM email_outbox WHERE dedupe_key = ?", "order-confirmation:" + orderId));
    }

    @Test
    void anotherVendorsOrderIsNotFound() {
        long other = TestData.vendor(TestData.unique("else"));
        long orderId = TestData.pendingOrder(other, TestData.unique("eve") + "@example.com", "SKU-3", "5.00");

        var response = transition(orderId, "{\"to\":\"CONFIRMED\"}");

        assertEquals(404, response.statusCode());
        assertEquals("PENDING", TestData.queryString("SELECT status FROM orders WHERE id = ?", orderId));
    }

    @Test
    void malformedJsonIsBadRequestProblem() {
        long orderId = TestData.pendingOrder(vendorId, TestData.unique("cy") + "@example.com", "SKU-4", "5.00");

        var response = transition(orderId, "{\"to\":");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }
}
