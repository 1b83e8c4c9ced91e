package dev.orion.platform.jobs;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a job has got, for jobs started with a {@code totalRows} parameter: percent done, rows per second
 * since it started, and the time left at that rate. Fields are null when they cannot be known yet.
 */
public record JobProgress(Long totalRows, long rowsDone, Double percent, Double rowsPerSecond, Long etaSeconds) implements Serializable {

    public static final String TOTAL_ROWS = "totalRows";

    public static JobProgress of(JobExecutionView execution, Instant now) {
        long done = execution.readCount(); // rows the processor rejected were read too
        Long total = parseTotal(execution.parameters().get(TOTAL_ROWS));
        Double percent = null;
        if (total != null) {
            percent = execution.batchStatus().equals("COMPLETED") || total == 0
                    ? 100.0 : Math.min(100.0, round(100.0 * done / total));
        }
        Double rate = null;
        Long eta = null;
        if (execution.startTime() != null) {
            Instant end = execution.endTime() != null ? execution.endTime() : now;
            double seconds = Math.max(0.001, Duration.between(execution.startTime(), end).toMillis() / 1000.0);
            rate = round(done / seconds);
            if (!execution.finished() && total != null && rate > 0) {
                eta = (long) Math.ceil(Math.max(0, total - done) / rate);
            }
        }
        return new JobProgress(total, done, percent, rate, execution.finished() ? Long.valueOf(0) : eta);
    }

    private static Long parseTotal(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
