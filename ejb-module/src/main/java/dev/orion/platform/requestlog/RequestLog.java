package dev.orion.platform.requestlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request log's writer. A request only offers its entry to a bounded in-memory queue ({@link #record}: the
 * queue's short lock, never a wait, no I/O); the server's scheduler drains the queue every
 * {@code ORION_REQUEST_LOG_FLUSH_MS} into PostgreSQL, up to {@value #BATCH} rows per INSERT. When the queue is full (the database slower than the traffic for a while)
 * entries are dropped, never waited for, and counted in {@code orion_request_log_dropped_total{reason="queue_full"}};
 * a batch the database refuses is counted with {@code reason="write_failed"} and logged in one line. Entries still
 * queued are written when the application stops; a crash loses at most the last interval's.
 * {@code ORION_REQUEST_LOG_ENABLED=false} turns it off (nothing queued, nothing written): bench/api measures the
 * log's cost per request against a server run without it.
 */
@ApplicationScoped
public class RequestLog {

    /** Request attributes the API sets once it knows the calling client (ApiCaller); requests without are not logged. */
    public static final String CLIENT_ATTRIBUTE = "dev.orion.requestlog.client";
    public static final String VENDOR_ATTRIBUTE = "dev.orion.requestlog.vendor";

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
    private static final String COLUMNS = "INSERT INTO orion.api_request_log (client_id, vendor_id, method, route, status,"
            + " duration_micros, idempotency_key, replayed, correlation_id, requested_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/OrionDS")
    DataSource dataSource;

    @Resource(lookup = "java:jboss/ee/concurrency/scheduler/default")
    ManagedScheduledExecutorService scheduler;

    @Inject
    MeterRegistry meters;

    @Inject
    @ConfigProperty(name = "orion.request-log.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "orion.request-log.queue", defaultValue = "20000")
    int capacity;

    @Inject
    @ConfigProperty(name = "orion.request-log.flush-ms", defaultValue = "1000")
    long flushMillis;

    private BlockingQueue<ApiRequest> queue;
    private Counter queueFull;
    private Counter writeFailed;
    private ScheduledFuture<?> flushing;

    @PostConstruct
    void start() {
        queue = new ArrayBlockingQueue<>(capacity);
        queueFull = meters.counter("orion.request.log.dropped", "reason", "queue_full");
        writeFailed = meters.counter("orion.request.log.dropped", "reason", "write_failed");
        if (!enabled) {
            LOG.info("Request log off (ORION_REQUEST_LOG_ENABLED=false): API requests are not logged");
            return;
        }
        flushing = scheduler.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flush();
    }

    /** Queues one request's entry; never blocks: a full queue drops it (and counts it). */
    public void record(ApiRequest request) {
        if (enabled && !queue.offer(request)) {
            queueFull.increment();
        }
    }

    /** Writes everything queued, in batches; the scheduler's thread, never a request's. */
    void flush() {
        List<ApiRequest> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                write(batch);
            } catch (SQLException | RuntimeException e) {
                writeFailed.increment(batch.size());
                LOG.log(Level.WARNING, "Request log: {0} entries not written ({1})", new Object[] {batch.size(), e.getMessage()});
            }
            batch.clear();
        }
    }

    private void write(List<ApiRequest> batch) throws SQLException {
        var sql = new StringBuilder(COLUMNS);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? ROW : "," + ROW);
        }
        try (Connection connection = dataSource.getConnection();
             var insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (ApiRequest r : batch) {
                insert.setString(p++, r.clientId());
                if (r.vendorId() == null) {
                    insert.setNull(p++, Types.BIGINT);
                } else {
                    insert.setLong(p++, r.vendorId());
                }
                insert.setString(p++, r.method());
                insert.setString(p++, truncate(r.route(), 300));
                insert.setInt(p++, r.status());
                insert.setLong(p++, r.durationMicros());
                insert.setString(p++, r.idempotencyKey());
                insert.setBoolean(p++, r.replayed());
                insert.setString(p++, r.correlationId());
                insert.setObject(p++, r.requestedAt());
            }
            insert.executeUpdate();
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
