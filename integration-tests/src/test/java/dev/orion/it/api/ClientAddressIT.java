package dev.orion.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.ServerLog;
import dev.orion.it.support.TestData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The build trusts 127.0.0.1 as a proxy (ORION_TRUSTED_PROXIES); 127.0.0.2 plays an untrusted client. The same
 * handler serves the API and the console (platform.proxy), so either shows it.
 */
@ExtendWith(ArquillianExtension.class)
class ClientAddressIT extends OrionDeployment {

    private static final String BODY = "{\"adjustments\":[{\"sku\":\"A\",\"delta\":1,\"reason\":\"count\"}]}";

    private static String auditedIp(ApiSession api) {
        return TestData.queryString("SELECT client_ip FROM audit_log WHERE vendor_id = ? ORDER BY id DESC LIMIT 1", api.vendorId);
    }

    @Test
    void forwardedForFromATrustedProxyIsTheClientAddress() {
        var api = ApiSession.newVendor("proxied");
        TestData.product(api.vendorId, "A", "A", "1.00");

        assertEquals(200, api.send("POST", "/stock/adjustments", "application/json", BODY, "X-Forwarded-For", "203.0.113.9, 127.0.0.1").statusCode());
        assertEquals("203.0.113.9", auditedIp(api));

        assertEquals(200, api.send("POST", "/stock/adjustments", "application/json", BODY, "CF-Connecting-IP", "198.51.100.4").statusCode());
        assertEquals("198.51.100.4", auditedIp(api));
    }

    @Test
    void forwardedForFromAnyoneElseIsIgnored() throws IOException {
        var api = ApiSession.newVendor("spoof");
        TestData.product(api.vendorId, "A", "A", "1.00");
        String status = postFrom("127.0.0.2", api.token(), "198.51.100.7");

        assertTrue(status.contains(" 200 "), status);
        assertEquals("127.0.0.2", auditedIp(api));
    }

    @Test
    void schemeAndHostAreBelievedFromATrustedProxyOnly() throws IOException {
        var proxied = Http.plain().get(Http.BASE + "/console/login", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "orion.example.com");
        assertEquals("https://orion.example.com/console/login.xhtml", proxied.headers().firstValue("Location").orElse(""));
        assertTrue(proxied.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS once the proxy says https");

        String spoofed = sendFrom("127.0.0.2", "GET /console/login HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\n", "");
        assertTrue(spoofed.contains("\r\nLocation: http://127.0.0.1:8080/console/login.xhtml\r\n"), spoofed);
        assertFalse(spoofed.contains("Strict-Transport-Security"), spoofed);
    }

    @Test
    void theConsoleSeesTheSameClientAndItsCountryOnlyThroughATrustedProxy() throws IOException {
        String proxied = TestData.unique("geo") + "@example.com";
        Http.plain().postForm(Http.BASE + "/console/login", Map.of("username", proxied, "password", "wrong"),
                "X-Forwarded-For", "203.0.113.9", "CF-IPCountry", "DE");
        String direct = TestData.unique("geo") + "@example.com";
        sendFrom("127.0.0.2", "POST /console/login HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n"
                + "X-Forwarded-For: 198.51.100.7\r\nCF-IPCountry: FR\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                "username=" + URLEncoder.encode(direct, StandardCharsets.UTF_8) + "&password=wrong");

        List<String> log = ServerLog.messages();
        assertTrue(log.contains("Console login failed for " + proxied + " from 203.0.113.9 (DE)"),
                "the sign-in log names the forwarded client and its country");
        assertTrue(log.contains("Console login failed for " + direct + " from 127.0.0.2"),
                "an untrusted client's forwarded address and country are ignored");
    }

    /** One HTTP/1.1 exchange from another loopback address; {@code head} ends with its last header line. */
    private static String sendFrom(String source, String head, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** A raw HTTP/1.1 request from another loopback address (the JDK client cannot choose its source). */
    private static String postFrom(String source, String token, String forwardedFor) throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080), 5_000);
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/stock/adjustments HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + token + "\r\nX-Forwarded-For: " + forwardedFor + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
