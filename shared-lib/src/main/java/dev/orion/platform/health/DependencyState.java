package dev.orion.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Whether one dependency answered when last asked, and the log of its outages: one WARN line when it stops
 * answering (with the reason and what Orion does meanwhile) and one when it answers again (with how long it was
 * away). Nothing while it stays as it was, so an outage of an hour is two lines, not thousands. The one piece that
 * writes every outage line: the database's ({@code DatabaseAvailability}, told by the calls that failed) and those
 * of the dependencies Orion serves without ({@code DependencyWatch}, which probes them).
 */
public final class DependencyState {

    private final String name;
    private final String label;
    private final String meanwhile;
    private final Logger log;
    private final Clock clock;
    private volatile Boolean up; // null until first observed
    private volatile String detail = "not probed yet";
    private Instant downSince;
    private Instant backSince;

    /**
     * @param label how the lines name it, e.g. "The SMTP relay"
     * @param meanwhile what Orion does while it is away, the end of the first line
     * @param log the logger the lines are written to (the component that observes it)
     */
    public DependencyState(String name, String label, String meanwhile, Logger log) {
        this(name, label, meanwhile, log, Clock.systemUTC());
    }

    DependencyState(String name, String label, String meanwhile, Logger log, Clock clock) {
        this.name = name;
        this.label = label;
        this.meanwhile = meanwhile;
        this.log = log;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** 1 up, 0 down, NaN before the first observation. */
    public double gauge() {
        Boolean now = up;
        return now == null ? Double.NaN : now ? 1 : 0;
    }

    /** Whether it failed when last asked (between its two WARN lines). */
    public boolean down() {
        return Boolean.FALSE.equals(up);
    }

    /** Whether it has answered for at least {@code period} since its last outage (if any), and answers now. */
    public synchronized boolean steadyFor(Duration period) {
        return !down() && (backSince == null || backSince.plus(period).isBefore(clock.instant()));
    }

    /** What the last observation said, e.g. "UP 127.0.0.1:3025", "DOWN Connection refused", "UNKNOWN not probed yet". */
    public String describe() {
        Boolean now = up;
        return (now == null ? "UNKNOWN" : now ? "UP" : "DOWN") + " " + detail;
    }

    /**
     * Records an observation; returns the line logged for a change, or null when nothing changed.
     *
     * @param detail where it answered (when it did) or why not, for {@link #describe()}; the reason in the first line
     */
    public synchronized String observe(boolean answered, String detail) {
        Boolean before = up;
        String line = null;
        if (!answered && !Boolean.FALSE.equals(before)) {
            downSince = clock.instant();
            line = label + " is unreachable (" + detail + "): " + meanwhile;
        } else if (answered && Boolean.FALSE.equals(before)) {
            backSince = clock.instant();
            long seconds = Duration.between(downSince, backSince).toSeconds();
            line = label + " is reachable again after " + seconds + " s";
        }
        if (line != null) {
            String logged = line;
            log.warning(() -> logged);
        }
        this.detail = String.valueOf(detail);
        up = answered; // after the line: whoever sees the gauge change finds the line in the log
        return line;
    }
}
