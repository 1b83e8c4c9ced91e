package dev.orion.it.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples one schedule's row in WildFly's database timer store ({@code public.jboss_ejb_timer}) every 100 ms while
 * a drill runs, and keeps each change of who holds its firing ({@code TIMER_STATE}, {@code NODE_NAME}) and of whether
 * its {@code NEXT_DATE} is overdue (nobody has fired it for 3 s past its time): the story of a stalled schedule. A state
 * is kept once it has lasted 300 ms, so the blips of quick firings do not drown it.
 */
final class TimerRowWatch implements AutoCloseable {

    private final List<String> changes = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean closed;

    TimerRowWatch(String url, String user, String password, String where) {
        sampler = new Thread(() -> sample(url, user, password, where), "timer-row-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample(String url, String user, String password, String where) {
        String query = "SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'), coalesce(string_agg(timer_state || ' ' || coalesce(node_name, '-')"
                + " || CASE WHEN next_date < localtimestamp - interval '3 seconds' THEN ' overdue since ' || to_char(next_date, 'HH24:MI:SS')"
                + " ELSE '' END, '; '), 'no timer row') FROM public.jboss_ejb_timer WHERE " + where;
        String recorded = null;
        String candidate = null;
        String candidateSince = null;
        int seen = 0;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var statement = connection.prepareStatement(query)) {
            while (!closed) {
                try (var row = statement.executeQuery()) {
                    row.next();
                    String state = row.getString(2);
                    if (!state.equals(candidate)) {
                        candidate = state;
                        candidateSince = row.getString(1);
                        seen = 0;
                    }
                    if (++seen == 3 && !state.equals(recorded)) {
                        recorded = state;
                        synchronized (changes) {
                            changes.add(candidateSince + " " + state);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            synchronized (changes) {
                changes.add("sampling failed: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each lasting state of the row, with the time it began (the database's clock). */
    List<String> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        sampler.join(2_000);
    }
}
