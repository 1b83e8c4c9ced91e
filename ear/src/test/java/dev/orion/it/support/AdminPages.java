package dev.orion.it.support;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Finding rows and choosing options on the administration pages, for AdminConsoleIT. */
public final class AdminPages {

    private AdminPages() {
    }

    /** A button in the row of a table ({@code tableId} is the table's client id) whose text shows {@code rowText}. */
    public static By rowButton(String tableId, String rowText, String buttonId) {
        return By.xpath("//tbody[@id='" + tableId + "_data']/tr[.//*[normalize-space(text())='" + rowText + "']]"
                + "//button[substring(@id, string-length(@id) - string-length(':" + buttonId + "') + 1) = ':" + buttonId + "']");
    }

    /**
     * Picks an option of a PrimeFaces select menu by its label, and checks the menu shows it: a click that lands
     * while the panel is still opening can be lost or refused, so it waits for the animation and tries again.
     */
    public static void choose(Browser browser, String selectId, String label) {
        String escaped = selectId.replace(":", "\\:");
        for (int attempt = 1; ; attempt++) {
            try {
                browser.click(By.id(selectId));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(3)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "var p = document.getElementById(arguments[0]);"
                                + " return p != null && jQuery(p).is(':visible') && !jQuery(p).is(':animated');", selectId + "_panel")));
                browser.click(By.cssSelector("#" + escaped + "_items li[data-label='" + label + "']"));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(3))
                        .until(ExpectedConditions.textToBe(By.id(selectId + "_label"), label));
                return;
            } catch (WebDriverException e) {
                if (attempt == 4) {
                    throw e;
                }
            }
        }
    }

    /** Answers yes to the page's confirmation dialog (included in the form {@code formId}). */
    public static void confirm(Browser browser, String formId) {
        browser.click(By.id(formId + ":confirm-yes"));
    }

    /** The token endpoint's status for these credentials (200 when they obtain a token). */
    public static int tokenStatus(String clientId, String secret) {
        return Http.plain().postForm(Http.BASE + "/api/v1/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)).statusCode();
    }
}
