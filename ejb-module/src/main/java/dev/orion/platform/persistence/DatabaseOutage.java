package dev.orion.platform.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached, rather than that a statement was wrong: the one place
 * that decides it, for the EJB interceptor, the API's problem mapper and the console. The sign is somewhere in the
 * cause chain, under however many EJB, persistence, Hibernate and IronJacamar wrappers: a JDBC connection
 * exception, an SQLState of class 08 (connection exception: refused, closed, I/O error on the socket), a refused
 * TCP connection below a JDBC exception, or a {@link DatabaseUnavailableException} an inner call already raised. A
 * refused connection anywhere else (the SMTP relay, S3, a feed URL) is that dependency's failure, not the
 * database's. A pool that is merely exhausted (all connections busy) is not an outage and stays an unexpected error.
 */
public final class DatabaseOutage {

    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable error) {
        Throwable cause = error;
        boolean belowJdbc = false;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (isConnectionFailure(cause) || belowJdbc && cause instanceof ConnectException) {
                return true;
            }
            belowJdbc |= cause instanceof SQLException;
            if (cause instanceof SQLException sql && sql.getNextException() != null && isConnectionFailure(sql.getNextException())) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    /**
     * What the driver said, for the log: the deepest SQLException's message with its SQLState (e.g. "Connection to
     * host:5432 refused. (SQLState 08001)"), else the deepest cause's; first line only.
     */
    public static String reason(Throwable error) {
        Throwable root = error;
        SQLException deepestSql = null;
        for (int depth = 0; root != null && depth < MAX_DEPTH; depth++) {
            if (root instanceof SQLException sql && sql.getMessage() != null && sql.getSQLState() != null) {
                deepestSql = sql;
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        String message = deepestSql != null ? deepestSql.getMessage() + " (SQLState " + deepestSql.getSQLState() + ")"
                : root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof DatabaseUnavailableException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }
}
