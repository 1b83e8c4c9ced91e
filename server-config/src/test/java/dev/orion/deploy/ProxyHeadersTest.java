package dev.orion.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every nginx configuration Orion ships is the edge for the servers behind it, which believe it
 * (ORION_TRUSTED_PROXIES): it must replace the forwarding headers a client could forge with its own values and
 * clear the Cloudflare ones, or a client chooses its address, country and host as Orion sees them.
 * ReverseProxyIT proves the single-node template on a running nginx; ClusterIT runs the cluster one.
 */
class ProxyHeadersTest {

    private static final Pattern HEADER = Pattern.compile("^\\s*proxy_set_header\\s+(\\S+)\\s+(\"[^\"]*\"|\\S+)\\s*;", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"nginx/orion.conf.template", "nginx/orion-cluster.conf"})
    void clientForwardingHeadersAreReplacedOrCleared(String file) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        Matcher matcher = HEADER.matcher(Files.readString(Path.of(file)));
        while (matcher.find()) {
            headers.put(matcher.group(1).toLowerCase(), matcher.group(2));
        }
        assertEquals("$proxy_add_x_forwarded_for", headers.get("x-forwarded-for"), file);
        assertEquals("$scheme", headers.get("x-forwarded-proto"), file);
        assertEquals("$http_host", headers.get("x-forwarded-host"), file);
        for (String cleared : List.of("cf-connecting-ip", "cf-ipcountry")) {
            assertEquals("\"\"", headers.get(cleared), file + " clears " + cleared);
        }
    }
}
