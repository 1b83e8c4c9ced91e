package dev.orion.it.support;

import java.util.Map;
import org.openqa.selenium.By;

/** Finding rows and choosing options on the administration pages, for AdminConsoleIT. */
public final class AdminPages {

    private AdminPages() {
    }

    /** A button in the row of a table ({@code tableId} is the table's client id) whose text shows {@code rowText}. */
    public static By rowButton(String tableId, String rowText, String buttonId) {
        return By.xpath("//tbody[@id='" + tableId + "_data']/tr[.//*[normalize-space(text())='" + rowText + "']]"
                + "//button[substring(@id, string-length(@id) - string-length(':" + buttonId + "') + 1) = ':" + buttonId + "']");
    }

    /** Picks an option of a PrimeFaces select menu by its label (see {@link Browser#choose}). */
    public static void choose(Browser browser, String selectId, String label) {
        browser.choose(selectId, label);
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
