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
    /** Rows in the order of their arrays' elements; one statement text for every batch (see {@link #write}). */
    static final String INSERT = "INSERT INTO orion.api_request_log (client_id, vendor_id, method, route, status,"
            + " duration_micros, idempotency_key, replayed, correlation_id, requested_at)"
            + " SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[],"
            + " ?::varchar[], ?::boolean[], ?::varchar[], ?::timestamptz[])";

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

    /**
     * One batch, as one array per column: the statement's text is the same for every batch, so PgJDBC prepares it
     * once per connection and PostgreSQL plans it once. Written as a multi-row VALUES list, each batch size was a
     * statement of its own, parsed by the driver and parsed and planned by the database on every flush, with ten
     * parameters bound per row (4.3 % of the server's samples while /me ran, docs/performance.md, round three).
     */
    private void write(List<ApiRequest> batch) throws SQLException {
        int n = batch.size();
        var clients = new String[n];
        var vendors = new Long[n];
        var methods = new String[n];
        var routes = new String[n];
        var statuses = new Integer[n];
        var durations = new Long[n];
        var keys = new String[n];
        var replayed = new Boolean[n];
        var correlations = new String[n];
        var times = new String[n];
        for (int i = 0; i < n; i++) {
            ApiRequest r = batch.get(i);
            clients[i] = r.clientId();
            vendors[i] = r.vendorId();
            methods[i] = r.method();
            routes[i] = truncate(r.route(), 300);
            statuses[i] = r.status();
            durations[i] = r.durationMicros();
            keys[i] = r.idempotencyKey();
            replayed[i] = r.replayed();
            correlations[i] = r.correlationId();
            times[i] = r.requestedAt().toString(); // ISO 8601, which PostgreSQL reads (to the microsecond)
        }
        try (Connection connection = dataSource.getConnection();
             var insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("varchar", clients));
            insert.setArray(2, connection.createArrayOf("int8", vendors));
            insert.setArray(3, connection.createArrayOf("varchar", methods));
            insert.setArray(4, connection.createArrayOf("varchar", routes));
            insert.setArray(5, connection.createArrayOf("int4", statuses));
            insert.setArray(6, connection.createArrayOf("int8", durations));
            insert.setArray(7, connection.createArrayOf("varchar", keys));
            insert.setArray(8, connection.createArrayOf("bool", replayed));
            insert.setArray(9, connection.createArrayOf("varchar", correlations));
            insert.setArray(10, connection.createArrayOf("varchar", times));
            insert.executeUpdate();
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
