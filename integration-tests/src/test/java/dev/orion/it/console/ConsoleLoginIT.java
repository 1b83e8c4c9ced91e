package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Http;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ConsoleLoginIT extends OrionDeployment {

    private static final String CONSOLE = Http.BASE + "/console/";
    private static String vendorEmail;

    @BeforeAll
    static void arrange() {
        String code = TestData.unique("shop");
        long vendorId = TestData.vendor(code);
        TestData.product(vendorId, "LAMP-7", "Brass Desk Lamp", "49.00");
        long other = TestData.vendor(TestData.unique("rival"));
        TestData.product(other, "RIVAL-1", "Rival Secret Product", "1.00");
        vendorEmail = "manager@" + code + ".example";
        TestData.consoleUser(vendorEmail, "correct horse", "VENDOR", vendorId);
    }

    private static java.net.http.HttpResponse<String> login(Http browser, String email, String password) {
        browser.get(CONSOLE + "login.xhtml");
        var answer = browser.postForm(Http.BASE + "/console/login", Map.of("username", email, "password", password));
        // a failed login lands back on the login page with its message; a successful one opens the products
        return answer.uri().getPath().endsWith("login.xhtml") ? answer : browser.get(CONSOLE + "catalog/products.xhtml");
    }

    @Test
    void anonymousVisitorSeesTheLoginForm() {
        var response = Http.browser().get(CONSOLE);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("id=\"login-form\""));
        assertFalse(response.body().contains("Brass Desk Lamp"));
    }

    @Test
    void wrongPasswordShowsAnError() {
        var browser = Http.browser();
        browser.get(CONSOLE + "login.xhtml");
        var response = browser.postForm(Http.BASE + "/console/login", Map.of("username", vendorEmail, "password", "wrong"));
        assertTrue(response.body().contains("Wrong email or password"), response.body());
    }

    @Test
    void vendorUserSeesOwnProductsOnly() {
        var browser = Http.browser();
        var response = login(browser, vendorEmail, "correct horse");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Brass Desk Lamp"), response.body());
        assertFalse(response.body().contains("Rival Secret Product"));
        assertTrue(response.body().contains("VENDOR"));
    }
}
