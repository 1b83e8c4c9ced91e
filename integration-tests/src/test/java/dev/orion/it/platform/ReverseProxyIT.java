package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.Nginx;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The committed nginx configuration (server-config/nginx) in front of the test server, as operators run it: TLS
 * on 8444, plain HTTP on 8088. The build trusts 127.0.0.1 (nginx) as a proxy; the test's client speaks from
 * 127.0.0.2, so the address Orion records tells nginx's forwarding from nginx itself.
 */
@ExtendWith(ArquillianExtension.class)
class ReverseProxyIT extends OrionDeployment {

    private static final String STOCK = "{\"adjustments\":[{\"sku\":\"A\",\"delta\":1,\"reason\":\"count\"}]}";
    private static Nginx nginx;
    private static HttpClient https;

    @BeforeAll
    static void startNginx() throws Exception {
        nginx = Nginx.start(Path.of(System.getProperty("orion.server.base") + "-nginx"));
        https = HttpClient.newBuilder().sslContext(nginx.tls()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void theApiRecordsTheClientNginxSawNotTheAddressTheClientClaims() throws Exception {
        var api = ApiSession.newVendor("edge");
        TestData.product(api.vendorId, "A", "A", "1.00");
        byte[] body = STOCK.getBytes(StandardCharsets.UTF_8);

        String response = rawHttps("127.0.0.2", "POST /api/v1/stock/adjustments HTTP/1.1\r\nHost: 127.0.0.1:" + Nginx.HTTPS_PORT + "\r\n"
                + "Authorization: Bearer " + api.token() + "\r\nX-Forwarded-For: 198.51.100.7\r\nCF-Connecting-IP: 198.51.100.8\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);

        assertTrue(response.startsWith("HTTP/1.1 200"), response);
        assertEquals("127.0.0.2", TestData.queryString(
                "SELECT client_ip FROM audit_log WHERE vendor_id = ? ORDER BY id DESC LIMIT 1", api.vendorId));
        assertTrue(header(response, "Strict-Transport-Security").startsWith("max-age="), "HSTS on the API over HTTPS");
    }

    @Test
    void theConsoleKnowsItIsServedOverHttps() throws Exception {
        var directory = get(Nginx.HTTPS + "/console");
        assertEquals(302, directory.statusCode());
        assertEquals(Nginx.HTTPS + "/console/", directory.headers().firstValue("Location").orElse(""));

        var login = get(Nginx.HTTPS + "/console/login");
        assertEquals(302, login.statusCode());
        assertEquals(Nginx.HTTPS + "/console/login.xhtml", login.headers().firstValue("Location").orElse(""));

        var page = get(Nginx.HTTPS + "/console/login.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"));
        List<String> session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertFalse(session.isEmpty(), page.headers().map().toString());
        assertTrue(session.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT))
                .allMatch(c -> c.contains("; secure") && c.contains("; httponly")), session.toString());
    }

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Nginx.HTTP + "/console/login.xhtml?lang=de")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertEquals(301, response.statusCode());
        assertEquals(Nginx.HTTPS + "/console/login.xhtml?lang=de", response.headers().firstValue("Location").orElse(""));
    }

    @Test
    void nginxRefusesAnUploadAboveTheLimitBeforeOrionSeesIt() throws Exception {
        var api = ApiSession.newVendor("edge-big");
        String response = rawHttps("127.0.0.2", "POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1:" + Nginx.HTTPS_PORT + "\r\n"
                + "Authorization: Bearer " + api.token() + "\r\nContent-Type: text/tab-separated-values\r\n"
                + "Content-Length: " + (1073741824L + 1) + "\r\nConnection: close\r\n\r\n", "id\ttitle\n".getBytes(StandardCharsets.UTF_8));

        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(header(response, "Server").startsWith("nginx"), "refused by nginx: " + response);
    }

    @Test
    void consoleResourcesComeWithCacheHeadersAndFromNginxsCache() throws Exception {
        var page = get(Nginx.HTTPS + "/console/login.xhtml");
        var link = Pattern.compile("/console/jakarta\\.faces\\.resource/[^\"]+").matcher(page.body());
        assertTrue(link.find(), page.body());
        String resource = Nginx.HTTPS + link.group().replace("&amp;", "&");

        var first = get(resource);
        var second = get(resource);

        assertEquals(200, first.statusCode());
        assertTrue(first.headers().allValues("Cache-Control").toString().contains("max-age=604800"), first.headers().map().toString());
        assertTrue(first.headers().allValues("Cache-Control").toString().contains("public"), first.headers().map().toString());
        assertTrue(first.headers().firstValue("Expires").isPresent());
        assertEquals("HIT", second.headers().firstValue("X-Cache-Status").orElse(""), "the second request is served by nginx");
        assertEquals(first.body(), second.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return https.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One HTTP/1.1 exchange over TLS from a chosen loopback address (the JDK client cannot choose its source). */
    private static String rawHttps(String source, String head, byte[] body) throws Exception {
        try (var plain = new Socket()) {
            plain.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            plain.connect(new InetSocketAddress("127.0.0.1", Nginx.HTTPS_PORT), 5_000);
            plain.setSoTimeout(30_000);
            try (var tls = (SSLSocket) nginx.tls().getSocketFactory().createSocket(plain, "127.0.0.1", Nginx.HTTPS_PORT, true)) {
                tls.startHandshake();
                tls.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                try {
                    tls.getOutputStream().write(body);
                    tls.getOutputStream().flush();
                } catch (IOException refusedEarly) {
                    // nginx may answer and close before it reads a body it refuses
                }
                var response = new ByteArrayOutputStream();
                try {
                    tls.getInputStream().transferTo(response);
                } catch (IOException closed) {
                    // what arrived before the close is the answer
                }
                return response.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse("");
    }
}
