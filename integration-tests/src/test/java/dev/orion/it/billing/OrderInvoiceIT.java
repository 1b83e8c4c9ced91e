package dev.orion.it.billing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.orion.it.support.Mails;
import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.Poll;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invoices: gapless numbers per vendor and year, the PDF kept and downloadable, emailed as an attachment. */
@ExtendWith(ArquillianExtension.class)
class OrderInvoiceIT extends OrionDeployment {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

    @Test
    void anInvoiceIsIssuedOnceKeptAsPdfAndEmailedWithThePdfAttached() throws Exception {
        var vendor = ApiSession.newVendor("inv");
        String customer = TestData.unique("marie") + "@example.com";
        long orderId = soldOrder(vendor, customer, "24.00");
        TestData.execute("UPDATE customers SET locale = 'fr' WHERE email = ?", customer);

        var issued = vendor.send("POST", "/orders/" + orderId + "/invoice", null, null);

        assertEquals(201, issued.statusCode(), issued.body());
        JsonObject invoice = Http.json(issued);
        String number = invoice.getString("number");
        assertEquals(code(vendor) + "-" + YEAR + "-000001", number);
        assertEquals("24.00", invoice.getString("total"));
        assertEquals("4.00", invoice.getString("vat"), "20 % VAT included in 24.00");
        assertEquals("20.00", invoice.getString("net"));
        var pdf = vendor.download(ApiSession.path(invoice.getString("pdf_url")));
        assertEquals(200, pdf.statusCode());
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf.body(), 4));

        MimeMessage[] received = Poll.until(Duration.ofSeconds(30), () -> SMTP.getReceivedMessagesForDomain(customer), m -> m.length > 0);
        assertEquals("Facture " + number + " de " + vendorName(vendor), received[0].getSubject());
        Part attachment = Mails.attachment(received[0]);
        assertEquals("application/pdf", attachment.getContentType().split(";")[0].strip().toLowerCase());
        assertEquals("invoice-" + number + ".pdf", attachment.getFileName());
        assertArrayEquals(pdf.body(), attachment.getInputStream().readAllBytes(), "the PDF emailed is the PDF kept");
        String text;
        try (var document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("Invoice " + number) && text.contains("24.00 EUR") && text.contains("VAT 20 %"), text);

        var again = vendor.send("POST", "/orders/" + orderId + "/invoice", null, null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(number, Http.json(again).getString("number"));
        Thread.sleep(1500);
        assertEquals(1, SMTP.getReceivedMessagesForDomain(customer).length, "issued once, emailed once");
        assertEquals(vendor.clientId + "|invoice|" + invoice.getInt("id") + "|" + number,
                TestData.queryString("SELECT string_agg(actor || '|' || entity_type || '|' || entity_id || '|' || details, ',')"
                        + " FROM audit_log WHERE vendor_id = ? AND action = 'invoice.issue'", vendor.vendorId), "issued once, audited once");
    }

    @Test
    void numbersHaveNoGapsWhenInvoicesAreRefusedOrIssuedConcurrently() throws Exception {
        var vendor = ApiSession.newVendor("gap");
        long pending = TestData.pendingOrder(vendor.vendorId, TestData.unique("p") + "@example.com", "SKU-1", "5.00");
        var refused = vendor.send("POST", "/orders/" + pending + "/invoice", null, null);
        assertEquals(409, refused.statusCode(), refused.body());

        List<Long> orders = IntStream.range(0, 8).mapToObj(i -> soldOrder(vendor, TestData.unique("c" + i) + "@example.com", "10.00")).toList();
        List<Callable<String>> calls = new ArrayList<>();
        orders.forEach(id -> calls.add(() -> Http.json(vendor.send("POST", "/orders/" + id + "/invoice", null, null)).getString("number")));
        var pool = Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        for (var future : pool.invokeAll(calls)) {
            numbers.add(future.get());
        }
        pool.shutdown();

        List<String> expected = IntStream.rangeClosed(1, 8).mapToObj(n -> code(vendor) + "-" + YEAR + "-%06d".formatted(n)).toList();
        assertEquals(expected, numbers.stream().sorted().toList(), "1 to 8: the refused invoice took no number");
        assertEquals(404, ApiSession.newVendor("other").send("POST", "/orders/" + orders.get(0) + "/invoice", null, null).statusCode());
    }

    private static long soldOrder(ApiSession vendor, String customer, String price) {
        long orderId = TestData.pendingOrder(vendor.vendorId, customer, "SKU-1", price);
        TestData.execute("UPDATE orders SET status = 'CONFIRMED' WHERE id = ?", orderId);
        return orderId;
    }

    private static String code(ApiSession vendor) {
        return TestData.queryString("SELECT upper(code) FROM vendors WHERE id = ?", vendor.vendorId);
    }

    private static String vendorName(ApiSession vendor) {
        return TestData.queryString("SELECT name FROM vendors WHERE id = ?", vendor.vendorId);
    }
}
