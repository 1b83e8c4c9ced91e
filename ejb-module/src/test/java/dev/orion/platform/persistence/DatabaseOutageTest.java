package dev.orion.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionUnderThePoolAndHibernateIsAnOutage() {
        // as WildFly hands it over: EJB, persistence, the pool's SQLException without a state, its ResourceExceptions, the driver
        var driver = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException("Connection refused"));
        var pool = new ResourceException("IJ000453: Unable to get managed connection", new ResourceException("IJ031084: Unable to create connection", driver));
        var thrown = new EJBException(new PersistenceException("Unable to acquire JDBC Connection", new SQLException(pool.toString(), null, pool)));
        assertTrue(DatabaseOutage.causedBy(thrown));
        assertEquals("Connection to 127.0.0.1:5432 refused. (SQLState 08001)", DatabaseOutage.reason(thrown));
    }

    @Test
    void aConnectionThatBrokeInUseIsAnOutage() {
        var broken = new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException());
        assertTrue(DatabaseOutage.causedBy(new PersistenceException(broken)));
        assertEquals("EOFException", DatabaseOutage.reason(new RuntimeException(new EOFException())));
    }

    @Test
    void anInnerCallsVerdictCountsForTheOuterOne() {
        assertTrue(DatabaseOutage.causedBy(new EJBException(new DatabaseUnavailableException())));
    }

    @Test
    void aRefusedConnectionToAnotherDependencyIsNoDatabaseOutage() {
        // Jakarta Mail's MailConnectException, an S3 or feed fetch: a ConnectException with no JDBC exception above it
        var smtp = new IllegalStateException("Couldn't connect to host, port: 127.0.0.1, 3025",
                new IllegalStateException("mail", new ConnectException("Connection refused")));
        assertFalse(DatabaseOutage.causedBy(new EJBException(smtp)));
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("I/O error", null, new ConnectException("refused")))),
                "below a JDBC exception it is the database's");
    }

    @Test
    void aRefusedStatementOrABugIsNoOutage() {
        assertFalse(DatabaseOutage.causedBy(new PersistenceException(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseOutage.causedBy(new EJBException(new ResourceException("IJ000655: No managed connections available within configured blocking timeout"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("bug")));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.causedBy(b));
    }
}
