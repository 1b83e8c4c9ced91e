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

/** The welcome page's figures for a vendor with known data, and the platform's health for staff. */
@ExtendWith(ArquillianExtension.class)
class DashboardConsoleIT extends OrionDeployment {

    private static final String PASSWORD = "a long enough password";

    /** Whether Chart.js drew anything on the chart's canvas (under the console's CSP, nothing is drawn if blocked). */
    private static final String CHART_DRAWN = "var c = document.getElementById(arguments[0] + '_canvas');"
            + " if (!c || c.width === 0) return false;"
            + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + " for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; } return false;";

    @Test
    void vendorSeesItsOwnOrdersTodayProductsLowStockRevenueAndCharts() {
        String code = TestData.unique("dash");
        long vendor = TestData.vendor(code);
        long otherVendor = TestData.vendor(TestData.unique("dash-other"));
        String user = "vendor@" + code + ".example";
        TestData.consoleUser(user, PASSWORD, "VENDOR", vendor);
        TestData.product(vendor, "LAMP", "Lamp", "10.00");
        TestData.product(vendor, "DESK", "Desk", "20.00");
        long lowOnStock = TestData.product(vendor, "CHAIR", "Chair", "5.00");
        TestData.execute("UPDATE products SET stock = 2 WHERE id = ?", lowOnStock);
        TestData.product(otherVendor, "LAMP", "Not ours", "1.00");
        TestData.pendingOrder(vendor, "a@" + code + ".example", "LAMP", "10.00");
        TestData.pendingOrder(vendor, "b@" + code + ".example", "DESK", "20.00");
        long cancelled = TestData.pendingOrder(vendor, "c@" + code + ".example", "LAMP", "99.00");
        TestData.execute("UPDATE orders SET status = 'CANCELLED' WHERE id = ?", cancelled);
        long lastWeek = TestData.pendingOrder(vendor, "d@" + code + ".example", "CHAIR", "5.00");
        TestData.execute("UPDATE orders SET status = 'CONFIRMED', created_at = now() - INTERVAL '3 days' WHERE id = ?", lastWeek);
        long lastMonth = TestData.pendingOrder(vendor, "e@" + code + ".example", "CHAIR", "7.00");
        TestData.execute("UPDATE orders SET status = 'DELIVERED', created_at = now() - INTERVAL '20 days' WHERE id = ?", lastMonth);
        TestData.pendingOrder(otherVendor, "x@" + code + ".example", "LAMP", "1000.00");

        try (var browser = Browser.open()) {
            browser.login(user, PASSWORD).go("/dashboard.xhtml");

            assertEquals("3", browser.text(By.id("dashboard:orders-today")), "today's three orders, the cancelled one included");
            assertEquals("3", browser.text(By.id("dashboard:products")), "only this vendor's products");
            assertEquals("1", browser.text(By.id("dashboard:low-stock")));
            assertTrue(browser.find(By.id("low-stock-card")).getAttribute("class").contains("warn"), "low stock is flagged");
            String revenue = browser.text(By.cssSelector(".revenue-7"));
            assertTrue(revenue.contains("35.00"), "7 days: 10 + 20 + 5, the cancelled and older orders left out: " + revenue);
            String month = browser.text(By.cssSelector(".revenue-30"));
            assertTrue(month.contains("42.00"), "30 days adds the delivered order of 7.00: " + month);
            assertTrue(browser.all(By.id("dashboard:failed-jobs")).isEmpty(), "no platform figures for a vendor");
            assertTrue(browser.all(By.id("dashboard:email-backlog")).isEmpty());
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.driver().executeScript(CHART_DRAWN, "dashboard:revenue-chart")));
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.driver().executeScript(CHART_DRAWN, "dashboard:status-chart")));
            browser.screenshot("dashboard");
        }
    }

    @Test
    void platformUserSeesFailedJobsEmailBacklogAndDeadLetters() {
        String code = TestData.unique("dash-staff");
        String staff = "staff@" + code + ".example";
        TestData.consoleUser(staff, PASSWORD, "STAFF", null);
        TestData.execute("INSERT INTO email_outbox (dedupe_key, template, locale, recipient, status, attempts, last_error)"
                + " VALUES (?, 'order-confirmation', 'en', ?, 'FAILED', 5, '550 mailbox unavailable')", code, "gone@" + code + ".example");

        boolean jobsKnown = "t".equals(TestData.queryString("SELECT to_regclass('public.job_execution') IS NOT NULL"));
        String failedJobsSql = "SELECT count(*) FROM public.job_execution WHERE batchstatus = 'FAILED'"
                + " AND createtime >= CAST(now() - INTERVAL '7 days' AS timestamp)";
        String deadLettersSql = "SELECT count(*) FROM email_outbox WHERE status = 'FAILED'";
        try (var browser = Browser.open()) {
            browser.login(staff, PASSWORD);
            // other tests' emails and jobs may fail while the page renders: the figure lies between two readings
            long deadBefore = Long.parseLong(TestData.queryString(deadLettersSql));
            long failedBefore = jobsKnown ? Long.parseLong(TestData.queryString(failedJobsSql)) : 0;
            browser.go("/dashboard.xhtml");
            long shownDead = Long.parseLong(browser.text(By.id("dashboard:dead-letters")));
            long shownFailed = Long.parseLong(browser.text(By.id("dashboard:failed-jobs")));
            long deadAfter = Long.parseLong(TestData.queryString(deadLettersSql));
            long failedAfter = jobsKnown ? Long.parseLong(TestData.queryString(failedJobsSql)) : 0;

            assertTrue(deadBefore >= 1 && shownDead >= deadBefore && shownDead <= deadAfter,
                    shownDead + " dead letters shown, " + deadBefore + " to " + deadAfter + " in the database");
            assertTrue(browser.find(By.id("dead-letters-card")).getAttribute("class").contains("warn"), "dead letters are flagged");
            long backlog = Long.parseLong(browser.text(By.id("dashboard:email-backlog")));
            assertTrue(backlog >= 0);
            assertTrue(shownFailed >= failedBefore && shownFailed <= failedAfter,
                    shownFailed + " failed jobs shown, " + failedBefore + " to " + failedAfter + " in the database");
            browser.screenshot("dashboard-platform");
        }
    }
}
