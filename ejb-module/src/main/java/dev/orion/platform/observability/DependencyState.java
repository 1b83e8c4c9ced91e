package dev.orion.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Whether one dependency answered at its last probe, and the log of its outages: one WARN line when it stops
 * answering (with the reason and what Orion does meanwhile) and one when it answers again (with how long it was
 * away). Nothing while it stays as it was, so an outage of an hour is two lines, not thousands.
 */
final class DependencyState {

    private static final Logger LOG = Logger.getLogger(DependencyWatch.class.getName());

    private final String name;
    private final String label;
    private final String meanwhile;
    private final Clock clock;
    private volatile Boolean up; // null until the first probe
    private Instant downSince;

    DependencyState(String name, String label, String meanwhile) {
        this(name, label, meanwhile, Clock.systemUTC());
    }

    DependencyState(String name, String label, String meanwhile, Clock clock) {
        this.name = name;
        this.label = label;
        this.meanwhile = meanwhile;
        this.clock = clock;
    }

    String name() {
        return name;
    }

    /** 1 up, 0 down, NaN before the first probe. */
    double gauge() {
        Boolean now = up;
        return now == null ? Double.NaN : now ? 1 : 0;
    }

    /** Records a probe's outcome; returns the line logged for a change, or null when nothing changed. */
    synchronized String observe(boolean answered, String reason) {
        Boolean before = up;
        String line = null;
        if (!answered && !Boolean.FALSE.equals(before)) {
            downSince = clock.instant();
            line = label + " is unreachable (" + reason + "): " + meanwhile;
        } else if (answered && Boolean.FALSE.equals(before)) {
            long seconds = Duration.between(downSince, clock.instant()).toSeconds();
            line = label + " is reachable again after " + seconds + " s";
        }
        if (line != null) {
            String logged = line;
            LOG.warning(() -> logged);
        }
        up = answered; // after the line: whoever sees the gauge change finds the line in the log
        return line;
    }
}
