package dev.orion.platform.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The operator's switch (ORION_REQUEST_LOG_ENABLED): off, a request's entry is not queued, so nothing is written.
 * No database here: a queued entry's write fails on the missing data source and is counted as write_failed, which
 * is how the test sees what was queued.
 */
class RequestLogTest {

    @Test
    void onItQueuesEveryEntryForTheWriter() {
        RequestLog log = started(true);
        log.record(entry());
        log.record(entry());
        log.flush();
        assertEquals(2.0, writeFailed(log));
    }

    @Test
    void offItQueuesNothingAndSchedulesNoWriter() {
        RequestLog log = started(false);
        log.record(entry());
        log.flush();
        assertEquals(0.0, writeFailed(log));
        log.stop(); // nothing was scheduled: stopping must not trip over it
    }

    private static RequestLog started(boolean enabled) {
        var log = new RequestLog();
        log.enabled = enabled;
        log.capacity = 10;
        log.flushMillis = 60_000;
        log.meters = new SimpleMeterRegistry();
        log.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(RequestLogTest.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> null);
        log.start();
        return log;
    }

    private static double writeFailed(RequestLog log) {
        return log.meters.counter("orion.request.log.dropped", "reason", "write_failed").count();
    }

    private static ApiRequest entry() {
        return new ApiRequest(0, "client", 1L, "GET", "/api/v1/me", 200, 100, null, false, "c", OffsetDateTime.now());
    }
}
