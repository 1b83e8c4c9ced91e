package dev.orion.notifications.domain;

/**
 * How soon an email must go out compared with the others waiting: the senders always take the most urgent email
 * waiting first (as its JMS priority, see docs/email.md). Someone waiting at a screen for a link comes first,
 * one person's purchase next, mail to many at once last.
 */
public enum EmailPriority {

    /** Someone is waiting for it right now: password resets, invitations. */
    URGENT(8),
    /** Caused by one person's action, expected within minutes: order confirmations and their invoices. */
    NORMAL(4),
    /** Mail to many at once, nobody waiting: nightly reports, renewal invoices. */
    BULK(1);

    private final int jmsPriority;

    EmailPriority(int jmsPriority) {
        this.jmsPriority = jmsPriority;
    }

    /** The JMS priority (0 lowest, 9 highest; 4 is JMS's default) its queue messages carry. */
    public int jmsPriority() {
        return jmsPriority;
    }
}
