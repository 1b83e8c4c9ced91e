package dev.orion.operations.alerts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A rule and its state. It fires when the watched value goes above the threshold and resolves when it is back
 * at or below it; each firing is a new {@code episode}, and only those two moments are worth an email, however
 * many evaluations see the same state in between.
 */
@Entity
@Table(name = "alert_rules")
public class AlertRule {

    public static final int MAX_RECIPIENTS = 20;
    public static final int MAX_WINDOW_MINUTES = 10080; // a week
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertKind kind;

    @Column(nullable = false)
    private long threshold;

    @Column(name = "window_minutes", nullable = false)
    private int windowMinutes = 60;

    /** Comma-separated addresses, as normalized by {@link #recipientsOf}. */
    @Column(nullable = false)
    private String recipients;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private boolean firing;

    @Column(name = "firing_since")
    private OffsetDateTime firingSince;

    @Column(nullable = false)
    private long episode;

    @Column(name = "last_value")
    private Long lastValue;

    @Column(name = "last_detail")
    private String lastDetail;

    @Column(name = "last_evaluated_at")
    private OffsetDateTime lastEvaluatedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    protected AlertRule() {
    }

    public AlertRule(String name, AlertKind kind, long threshold, int windowMinutes, String recipients, boolean enabled) {
        change(name, kind, threshold, windowMinutes, recipients, enabled);
    }

    /**
     * New settings; a bad value is an {@link InvalidAlertRuleException} naming it. The state stays: the next
     * evaluation judges the new threshold. Disabling a firing rule ends its episode without a "resolved" email
     * (whoever disabled it knows), so enabling it again starts afresh.
     */
    public final void change(String name, AlertKind kind, long threshold, int windowMinutes, String recipients, boolean enabled) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InvalidAlertRuleException("name", "A rule needs a name of at most 100 characters");
        }
        if (kind == null) {
            throw new InvalidAlertRuleException("kind", "A rule needs a kind");
        }
        if (threshold < 0) {
            throw new InvalidAlertRuleException("threshold", "The threshold cannot be negative");
        }
        if (windowMinutes < 1 || windowMinutes > MAX_WINDOW_MINUTES) {
            throw new InvalidAlertRuleException("window", "The window is 1 to " + MAX_WINDOW_MINUTES + " minutes");
        }
        this.recipients = String.join(",", recipientsOf(recipients));
        this.name = name.strip();
        this.kind = kind;
        this.threshold = threshold;
        this.windowMinutes = windowMinutes;
        this.enabled = enabled;
        if (!enabled) {
            firing = false;
            firingSince = null;
        }
        updatedAt = OffsetDateTime.now();
    }

    /** The addresses of a comma, semicolon or whitespace separated list, lower-cased, without repeats; at least one. */
    public static List<String> recipientsOf(String list) {
        var addresses = new LinkedHashSet<String>();
        for (String part : (list == null ? "" : list).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (part.length() > 254 || !ADDRESS.matcher(part).matches()) {
                throw new InvalidAlertRuleException("recipients", "Not an email address: " + part);
            }
            addresses.add(part.toLowerCase(Locale.ROOT));
        }
        if (addresses.isEmpty()) {
            throw new InvalidAlertRuleException("recipients", "A rule needs at least one recipient");
        }
        if (addresses.size() > MAX_RECIPIENTS) {
            throw new InvalidAlertRuleException("recipients", "At most " + MAX_RECIPIENTS + " recipients");
        }
        return List.copyOf(addresses);
    }

    /**
     * Records what an evaluation measured and says whether that started or ended a firing. A disabled rule
     * never fires.
     */
    public AlertTransition observe(long value, String detail, OffsetDateTime now) {
        lastValue = value;
        lastDetail = detail == null ? null : detail.length() > 500 ? detail.substring(0, 497) + "..." : detail;
        lastEvaluatedAt = now;
        boolean above = value > threshold;
        if (enabled && above && !firing) {
            firing = true;
            firingSince = now;
            episode++;
            return AlertTransition.FIRED;
        }
        if (firing && !above) {
            firing = false;
            return AlertTransition.RESOLVED; // firingSince stays until the next firing: the email says how long it lasted
        }
        return AlertTransition.NONE;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public AlertKind getKind() { return kind; }
    public long getThreshold() { return threshold; }
    public int getWindowMinutes() { return windowMinutes; }
    public List<String> getRecipients() { return Arrays.asList(recipients.split(",")); }
    public boolean isEnabled() { return enabled; }
    public boolean isFiring() { return firing; }
    public OffsetDateTime getFiringSince() { return firingSince; }
    public long getEpisode() { return episode; }
    public Long getLastValue() { return lastValue; }
    public String getLastDetail() { return lastDetail; }
    public OffsetDateTime getLastEvaluatedAt() { return lastEvaluatedAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
}
