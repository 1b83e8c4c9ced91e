package dev.orion.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private static JobExecutionView execution(String status, Instant end, Map<String, String> parameters, long read) {
        return new JobExecutionView(1, 1, "product-import", status, null, START, START, end, parameters, read, read, 0, 0);
    }

    @Test
    void aRunningImportShowsPercentRateAndTimeLeft() {
        var progress = JobProgress.of(execution("STARTED", null, Map.of("totalRows", "1000"), 250), START.plusSeconds(10));

        assertEquals(25.0, progress.percent());
        assertEquals(25.0, progress.rowsPerSecond());
        assertEquals(30, progress.etaSeconds(), "750 rows left at 25 rows/s");
    }

    @Test
    void aCompletedImportIsAtHundredPercentWithNothingLeft() {
        var progress = JobProgress.of(execution("COMPLETED", START.plusSeconds(4), Map.of("totalRows", "1000"), 1000),
                START.plusSeconds(60));

        assertEquals(100.0, progress.percent());
        assertEquals(250.0, progress.rowsPerSecond(), "the rate is over the run, not until now");
        assertEquals(0, progress.etaSeconds());
    }

    @Test
    void withoutATotalThereIsNoPercentNorEta() {
        var progress = JobProgress.of(execution("STARTED", null, Map.of(), 100), START.plusSeconds(10));

        assertNull(progress.percent());
        assertNull(progress.etaSeconds());
        assertEquals(10.0, progress.rowsPerSecond());
    }
}
