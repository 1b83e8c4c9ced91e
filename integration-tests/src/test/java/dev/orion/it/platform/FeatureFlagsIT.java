package dev.orion.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.ApiSession;
import dev.orion.it.support.ConsoleSessions;
import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Feature flags: set by platform clients over the API (vendor clients are refused), a vendor's override beats the
 * platform value, a switched-off feature is a clear 403 for that vendor only, every change is audited, the ADMIN
 * console page lists them; and a value another server wrote to the database is served here within the cache TTL,
 * never later.
 */
@ExtendWith(ArquillianExtension.class)
class FeatureFlagsIT extends OrionDeployment {

    /** ORION_FLAGS_CACHE_SECONDS of the test server (integration-tests/pom.xml). */
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final String JSON = "application/json";
    private static final String REPORTS = "reporting.sales-reports";
    private static final String ORDER_IMPORTS = "orders.imports";
    private static final String PASSWORD = "Flags-password-1";
    private static final String ONE_DAY = "{\"from\":\"2026-01-01\",\"to\":\"2026-01-01\",\"format\":\"csv\"}";

    @Test
    void aVendorOverrideSwitchesAFeatureOffForThatVendorOnlyAndIsAudited() {
        var platform = ApiSession.newPlatform("flags");
        var muted = ApiSession.newVendor("flagoff");
        var other = ApiSession.newVendor("flagon");

        var platformOn = platform.send("PUT", "/flags/" + REPORTS, JSON, "{\"enabled\":true}");
        assertEquals(200, platformOn.statusCode(), platformOn.body());
        assertTrue(Http.json(platformOn).getBoolean("platform_on"));
        var override = platform.send("PUT", "/flags/" + REPORTS + "/vendors/" + muted.vendorId, JSON, "{\"enabled\":false}");
        assertEquals(200, override.statusCode(), override.body());
        assertEquals(false, overrideOf(Http.json(override), muted.vendorId));

        var refused = muted.send("POST", "/reports/sales", JSON, ONE_DAY);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", ApiSession.contentType(refused));
        JsonObject problem = Http.json(refused);
        assertEquals("Feature off for this vendor", problem.getString("title"), refused.body());
        assertEquals(REPORTS, problem.getString("flag"));
        assertEquals(202, other.send("POST", "/reports/sales", JSON, ONE_DAY).statusCode(), "the platform value holds for the others");

        platform.send("PUT", "/flags/" + ORDER_IMPORTS + "/vendors/" + muted.vendorId, JSON, "{\"enabled\":false}");
        var importRefused = platform.send("POST", "/order-imports?vendor=" + muted.vendorId, "application/jsonl", "{}\n");
        assertEquals(403, importRefused.statusCode(), "a platform client acting for the vendor is refused too: " + importRefused.body());
        assertEquals(ORDER_IMPORTS, Http.json(importRefused).getString("flag"));

        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE action = 'flag.set' AND entity_type = 'feature-flag' "
                + "AND entity_id = ? AND vendor_id = ? AND actor = ? AND details = ?", REPORTS, muted.vendorId, platform.clientId,
                "off for vendor " + muted.vendorId));

        var cleared = platform.send("DELETE", "/flags/" + REPORTS + "/vendors/" + muted.vendorId, null, null);
        assertEquals(200, cleared.statusCode(), cleared.body());
        assertEquals(202, muted.send("POST", "/reports/sales", JSON, ONE_DAY).statusCode(), "the override removed: the platform value applies");
        assertEquals("1", TestData.queryString("SELECT count(*) FROM audit_log WHERE action = 'flag.clear' AND entity_id = ? AND vendor_id = ?",
                REPORTS, muted.vendorId));
    }

    @Test
    void onlyPlatformClientsSeeOrChangeFlagsAndOnlyDeclaredFlagsAndExistingVendors() {
        var vendor = ApiSession.newVendor("flagvendor");
        var denied = vendor.send("PUT", "/flags/" + REPORTS + "/vendors/" + vendor.vendorId, JSON, "{\"enabled\":true}");
        assertEquals(403, denied.statusCode(), denied.body());
        assertEquals("application/problem+json", ApiSession.contentType(denied));
        assertEquals(403, vendor.get("/flags").statusCode());

        var platform = ApiSession.newPlatform("flagadmin");
        var names = Http.json(platform.get("/flags")).getJsonArray("data").stream().map(f -> f.asJsonObject().getString("name")).toList();
        assertTrue(names.containsAll(java.util.List.of(ORDER_IMPORTS, REPORTS)), names.toString());
        assertEquals(404, platform.send("PUT", "/flags/orders.nothing", JSON, "{\"enabled\":true}").statusCode(), "an undeclared flag");
        assertEquals(404, platform.send("PUT", "/flags/" + REPORTS + "/vendors/999999999", JSON, "{\"enabled\":true}").statusCode(), "no such vendor");
        assertEquals(400, platform.send("PUT", "/flags/" + REPORTS, JSON, "{}").statusCode(), "enabled is required");
    }

    @Test
    void theConsolePageIsForAdminsAndTheReportsPageDisablesASwitchedOffFeature() {
        var platform = ApiSession.newPlatform("flagconsole");
        var muted = ApiSession.newVendor("flagpage");
        platform.send("PUT", "/flags/" + REPORTS + "/vendors/" + muted.vendorId, JSON, "{\"enabled\":false}");

        String admin = "admin@" + TestData.unique("flags") + ".example";
        TestData.consoleUser(admin, PASSWORD, "ADMIN", null);
        var page = ConsoleSessions.signIn(admin, PASSWORD).get(ConsoleSessions.CONSOLE + "admin/flags.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(ORDER_IMPORTS) && page.body().contains(REPORTS), "the declared flags are listed");
        assertTrue(page.body().contains("Vendor overrides"), "with their overrides");

        String staff = "staff@" + TestData.unique("flags") + ".example";
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
        var refused = ConsoleSessions.signIn(staff, PASSWORD).get(ConsoleSessions.CONSOLE + "admin/flags.xhtml");
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains(ORDER_IMPORTS), "STAFF sees no flag");

        String seller = "seller@" + TestData.unique("flags") + ".example";
        TestData.consoleUser(seller, PASSWORD, "VENDOR", muted.vendorId);
        var reports = ConsoleSessions.signIn(seller, PASSWORD).get(ConsoleSessions.CONSOLE + "reports/reports.xhtml");
        assertTrue(reports.body().contains("Sales reports are switched off for this vendor"), "the page says why");
        assertTrue(reports.body().matches("(?s).*id=\"reports-form:request-report\"[^>]*disabled.*"), "and disables the request button");
    }

    @Test
    void aValueAnotherServerWroteIsServedWithinTheCacheTtlAndNeverLater() {
        var platform = ApiSession.newPlatform("flagttl");
        var vendor = ApiSession.newVendor("flagttl");
        platform.send("PUT", "/flags/" + REPORTS + "/vendors/" + vendor.vendorId, JSON, "{\"enabled\":false}");
        assertEquals(403, vendor.send("POST", "/reports/sales", JSON, ONE_DAY).statusCode(), "this server reads its own change at once");

        // another server changes the row (its own caches would follow; this server learns of it only through the TTL)
        long changedAt = System.nanoTime();
        TestData.execute("UPDATE feature_flags SET enabled = true WHERE name = ? AND vendor_id = ?", REPORTS, vendor.vendorId);
        assertEquals(403, vendor.send("POST", "/reports/sales", JSON, ONE_DAY).statusCode(),
                "within the TTL the cached value may still answer: here it does, the copy is fresh");

        HttpResponse<String> answer;
        do {
            sleep(200);
            answer = vendor.send("POST", "/reports/sales", JSON, ONE_DAY);
        } while (answer.statusCode() == 403 && System.nanoTime() - changedAt < TTL.plusSeconds(5).toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - changedAt);
        assertEquals(202, answer.statusCode(), answer.body());
        assertTrue(took.compareTo(TTL.plusMillis(1_000)) <= 0, "the change took " + took + ", more than the TTL " + TTL);
    }

    private static Boolean overrideOf(JsonObject flag, long vendorId) {
        return flag.getJsonArray("vendors").stream().map(JsonValue::asJsonObject)
                .filter(v -> v.getJsonNumber("vendor_id").longValue() == vendorId)
                .map(v -> v.getBoolean("enabled")).findFirst().orElse(null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
