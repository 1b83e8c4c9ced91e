-- Administrators can deactivate a customer (kept for its orders' history), and the audit viewer filters by
-- action, actor and vendor, newest first.
ALTER TABLE customers ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

CREATE INDEX audit_log_action_time_idx ON audit_log (action, occurred_at);
CREATE INDEX audit_log_vendor_time_idx ON audit_log (vendor_id, occurred_at);
