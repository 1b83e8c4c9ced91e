package dev.orion.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for console tests: Debian's headless Chromium driven through Debian's chromedriver (both
 * installed by {@code ./orion verify}). Screenshots go to {@code target/screenshots/} for review.
 */
public final class Browser implements AutoCloseable {

    public static final String CONSOLE = Http.BASE + "/console";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("orion.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(String language) {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("orion.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("orion.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public static Browser open() {
        return new Browser("en");
    }

    /** A browser whose user prefers the given language (Accept-Language). */
    public static Browser speaking(String language) {
        return new Browser(language);
    }

    /** Signs in through the login form and waits for the page after it. */
    public Browser login(String email, String password) {
        go("/login.xhtml");
        type(By.id("username"), email);
        type(By.id("password"), password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Submits the login form and stays on whatever page answers (for failures). */
    public Browser attemptLogin(String email, String password) {
        go("/login.xhtml");
        type(By.id("username"), email);
        type(By.id("password"), password);
        // the old page's readyState is "complete" too: mark it, and wait for a page without the mark
        ((JavascriptExecutor) driver).executeScript("window.orionOldPage = true;");
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.orionOldPage === undefined && document.readyState === 'complete';")));
        return this;
    }

    public Browser go(String path) {
        driver.get(CONSOLE + path);
        waitForAjax();
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public void type(By by, String value) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(value);
    }

    public void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        waitForAjax();
    }

    /**
     * Picks the option labelled {@code label} of the PrimeFaces select menu {@code selectId} through the widget,
     * as a click on the item does (change event and Ajax included): clicking the overlay's items races with its
     * opening animation in a headless browser.
     */
    public void choose(String selectId, String label) {
        Object outcome = driver.executeScript(
                "var widget = PrimeFaces.getWidgetById(arguments[0]); if (!widget) { return 'no menu ' + arguments[0]; }"
                        + " var wanted = arguments[1]; var value = null;"
                        + " widget.jq.find('select option').each(function () { if (value === null && jQuery(this).text() === wanted) { value = jQuery(this).val(); } });"
                        + " if (value === null) { return 'no option ' + wanted; }"
                        + " widget.selectValue(value); widget.triggerChange(); return 'ok';", selectId, label);
        if (!"ok".equals(outcome)) {
            throw new AssertionError(String.valueOf(outcome));
        }
        waitForAjax();
        wait.until(ExpectedConditions.textToBe(By.id(selectId + "_label"), label));
    }

    /** Waits until the given text shows anywhere on the page (Ajax updates and polls included). */
    public void waitForText(String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    public void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0)")));
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
