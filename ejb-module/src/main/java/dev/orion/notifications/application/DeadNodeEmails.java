package dev.orion.notifications.application;

import dev.orion.platform.cluster.NodeDeclaredDead;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * When a server is declared dead, the messages its broker held are out of reach: every email still QUEUED from
 * before its silence is put on the queue again (see {@link EmailOutbox#remindQueuedBefore}).
 */
@ApplicationScoped
public class DeadNodeEmails {

    private static final Logger LOG = Logger.getLogger(DeadNodeEmails.class.getName());

    @EJB
    EmailOutbox outbox;

    void remindQueuedEmails(@Observes NodeDeclaredDead dead) {
        int reminded = outbox.remindQueuedBefore(dead.lastSeen());
        LOG.warning(() -> "Server " + dead.node() + " is taken for dead: " + reminded + " queued emails put on the queue again");
    }
}
