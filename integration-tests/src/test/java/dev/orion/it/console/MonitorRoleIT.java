package dev.orion.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.it.support.Browser;
import dev.orion.it.support.OrionDeployment;
import dev.orion.it.support.TestData;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The MONITOR role (issue 18, item 6) in a real browser: the batch monitor without its action button, and a post
 * forged from that page for "restart all failed" changes nothing and is not audited; the catalogue is not theirs.
 */
@ExtendWith(ArquillianExtension.class)
class MonitorRoleIT extends OrionDeployment {

    private static final String PASSWORD = "monitor role password";

    @Test
    void aMonitorSeesTheBatchMonitorWithoutActionsAndAForgedPostIsRefused() {
        String monitor = "monitor@" + TestData.unique("mon") + ".example";
        TestData.consoleUser(monitor, PASSWORD, "MONITOR", null);
        try (var browser = Browser.open()) {
            browser.login(monitor, PASSWORD).go("/platform/batch.xhtml");
            assertTrue(browser.all(By.id("batch-form:executions")).size() == 1, "the batch monitor is shown");
            assertEquals(0, browser.all(By.id("batch-form:restart-all")).size(), "no button that changes anything");
            assertEquals(1, browser.all(By.id("batch-form:refresh")).size(), "refresh only reads");
            browser.screenshot("monitor-batch");

            Object answer = browser.driver().executeScript("""
                    const form = document.getElementById('batch-form');
                    const data = new URLSearchParams(new FormData(form));
                    data.set('jakarta.faces.partial.ajax', 'true');
                    data.set('jakarta.faces.source', 'batch-form:restart-all');
                    data.set('jakarta.faces.partial.execute', '@all');
                    data.set('jakarta.faces.partial.render', 'batch-form:executions growl');
                    data.set('batch-form:restart-all', 'batch-form:restart-all');
                    return fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin',
                            headers: {'Faces-Request': 'partial/ajax', 'Content-Type': 'application/x-www-form-urlencoded'}})
                        .then(r => r.status);""");
            assertTrue(answer instanceof Number, String.valueOf(answer));
            assertEquals("0", TestData.queryString("SELECT count(*) FROM audit_log WHERE actor = ?", monitor),
                    "the forged restart-all did nothing: nothing audited in the monitor's name");

            browser.go("/catalog/products.xhtml");
            assertEquals(1, browser.all(By.id("forbidden-page")).size(), "products are not a monitor's page");
        }
    }
}
