-- Emails go out by priority (docs/email.md): password resets and invitations first, then what one person's action
-- caused (order confirmations, order invoices), bulk mail (nightly reports, renewal invoices) last. The outbox
-- keeps each email's priority so that a re-send of a dead letter or a reminder after a node's death keeps it too.
ALTER TABLE email_outbox ADD COLUMN priority VARCHAR(10) NOT NULL DEFAULT 'NORMAL'
    CHECK (priority IN ('URGENT', 'NORMAL', 'BULK'));
UPDATE email_outbox SET priority = 'URGENT' WHERE template = 'password-reset';
UPDATE email_outbox SET priority = 'BULK' WHERE template IN ('sales-report', 'subscription-invoice');
