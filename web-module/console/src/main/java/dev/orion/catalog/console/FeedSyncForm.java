package dev.orion.catalog.console;

import dev.orion.catalog.application.FeedSyncAttemptView;
import dev.orion.catalog.application.FeedSyncSettings;
import dev.orion.catalog.application.FeedSyncView;
import dev.orion.catalog.application.FeedSyncs;
import dev.orion.platform.DomainException;
import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.console.ConsoleActor;
import dev.orion.platform.console.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The feed sync dialog of the vendors page: a vendor's feed URL, format, mode, schedule (minute, hour, days of
 * the week, time zone), pause, credentials (typed in, never shown again: the form only says they are set), sync
 * now and the last attempts. The service checks and saves; this form only carries the fields.
 */
@Named
@ViewScoped
public class FeedSyncForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY = 10;

    @Inject
    FeedSyncs syncs;

    @Inject
    ConsoleActor actor;

    private final PageMessages messages = new PageMessages("dev.orion.console.feedsync");

    private long vendorId;
    private String vendorCode;
    private boolean existing;
    private String url;
    private String format = "auto";
    private String mode = "update";
    private String minute = "0";
    private String hour = "*";
    private String dayOfWeek = "*";
    private String timeZone = "UTC";
    private boolean paused;
    private String credentialsType = "keep";
    private String username;
    private String password;
    private String headerName;
    private String headerValue;
    private String credentialsState;
    private List<FeedSyncAttemptView> attempts = List.of();

    public void open(long vendor, String code) {
        vendorId = vendor;
        vendorCode = code;
        credentialsType = "keep";
        username = password = headerName = headerValue = null;
        var current = syncs.find(vendor);
        existing = current.isPresent();
        current.ifPresentOrElse(this::show, () -> {
            url = null;
            format = "auto";
            mode = "update";
            minute = "0";
            hour = "*";
            dayOfWeek = "*";
            timeZone = "UTC";
            paused = false;
            credentialsState = null;
        });
        attempts = syncs.history(vendor, HISTORY);
    }

    public void save() {
        FeedSyncSettings.FeedCredentials credentials = switch (credentialsType) {
            case "none" -> new FeedSyncSettings.FeedCredentials("none", null, null, null, null);
            case "basic" -> new FeedSyncSettings.FeedCredentials("basic", username, password, null, null);
            case "header" -> new FeedSyncSettings.FeedCredentials("header", null, null, headerName, headerValue);
            default -> null;
        };
        var schedule = new FeedSyncSettings.SyncSchedule("0", blankAs(minute, "0"), blankAs(hour, "*"), "*", "*",
                blankAs(dayOfWeek, "*"), "*", blankAs(timeZone, "UTC"));
        try {
            show(syncs.save(vendorId, new FeedSyncSettings(url, format, mode, schedule, paused, credentials), actor.get()));
            existing = true;
            credentialsType = "keep";
            username = password = headerName = headerValue = null;
            messages.info("saved", vendorCode);
        } catch (InvalidRequestException e) {
            messages.error(null, "invalid", e.getMessage());
        } catch (DomainException e) {
            messages.error(null, "invalid", e.getMessage());
        } finally {
            password = null; // typed once, kept in the view state no longer than the request
            headerValue = null;
        }
    }

    public void syncNow() {
        try {
            syncs.runNow(vendorId, actor.get());
            messages.info("started", vendorCode);
        } catch (InvalidRequestException e) {
            messages.error(null, "invalid", e.getMessage());
        } catch (DomainException e) {
            messages.error(null, "busy", e.getMessage());
        }
    }

    public void refresh() {
        attempts = syncs.history(vendorId, HISTORY);
    }

    private void show(FeedSyncView view) {
        url = view.url();
        format = view.format();
        mode = view.mode();
        if (view.schedule() != null) {
            minute = view.schedule().minute();
            hour = view.schedule().hour();
            dayOfWeek = view.schedule().dayOfWeek();
            timeZone = view.schedule().timeZone();
        }
        paused = view.paused();
        credentialsState = view.credentials().set() ? view.credentials().type() : null;
    }

    private static String blankAs(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public List<String> getFormats() { return dev.orion.catalog.domain.FeedSubscription.FORMATS; }
    public List<String> getModes() { return List.of("update", "full"); }
    public List<String> getCredentialTypes() { return List.of("keep", "none", "basic", "header"); }
    public String getVendorCode() { return vendorCode; }
    public String getDialogTitle() { return vendorCode == null ? "" : messages.text("dialog", vendorCode); }
    public boolean isExisting() { return existing; }
    public String getCredentialsState() { return credentialsState; }
    public List<FeedSyncAttemptView> getAttempts() { return attempts; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getMinute() { return minute; }
    public void setMinute(String minute) { this.minute = minute; }
    public String getHour() { return hour; }
    public void setHour(String hour) { this.hour = hour; }
    public String getDayOfWeek() { return dayOfWeek; }
    public void setDayOfWeek(String dayOfWeek) { this.dayOfWeek = dayOfWeek; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public boolean isPaused() { return paused; }
    public void setPaused(boolean paused) { this.paused = paused; }
    public String getCredentialsType() { return credentialsType; }
    public void setCredentialsType(String credentialsType) { this.credentialsType = credentialsType; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getHeaderName() { return headerName; }
    public void setHeaderName(String headerName) { this.headerName = headerName; }
    public String getHeaderValue() { return headerValue; }
    public void setHeaderValue(String headerValue) { this.headerValue = headerValue; }
}
