package dev.orion.operations.alerts.application;

import dev.orion.notifications.application.EmailHealth;
import dev.orion.operations.alerts.domain.AlertKind;
import dev.orion.operations.scheduling.ScheduleDelays;
import dev.orion.platform.jobs.BatchJobs;
import dev.orion.platform.jobs.ExecutionQuery;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.Instant;

/** Reads the figure each kind of rule watches, from the capability that owns it. */
@Stateless
public class AlertMeasurements {

    @EJB
    EmailHealth emails;

    @EJB
    BatchJobs jobs;

    @EJB
    ScheduleDelays schedules;

    public Measurement measure(AlertKind kind, int windowMinutes) {
        return switch (kind) {
            case FAILED_JOBS -> {
                long failed = jobs.count(new ExecutionQuery(null, "FAILED", Instant.now().minus(Duration.ofMinutes(windowMinutes)), null, null, 1));
                yield new Measurement(failed, failed + " job execution(s) failed in the last " + windowMinutes + " minute(s)");
            }
            case DEAD_LETTERS -> {
                long failed = emails.deadLetters();
                yield new Measurement(failed, failed + " email(s) dead-lettered (FAILED in the outbox)");
            }
            case EMAIL_BACKLOG_AGE -> {
                long age = emails.backlogAgeSeconds();
                yield new Measurement(age, "the oldest queued email has waited " + age + " s");
            }
            case SCHEDULE_LATE -> schedules.worst()
                    .map(delay -> new Measurement(delay.seconds(), "schedule " + delay.schedule()
                            + (delay.running() ? " has been running for " : " is overdue by ") + delay.seconds() + " s"))
                    .orElse(new Measurement(0, "every schedule is on time"));
        };
    }
}
