-- Issue 18, item 6: whoever only watches jobs no longer needs STAFF rights.
-- MONITOR: a console role that sees the dashboard and the operations pages of every vendor and changes nothing.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('ADMIN', 'STAFF', 'VENDOR', 'MONITOR'));

-- A platform API client's scope: batch:operate (every platform client so far: the platform operations, batch
-- stop/restart/abandon included) or batch:read (reads the batch monitor and nothing else). Vendor clients keep
-- the default, which means nothing for them.
ALTER TABLE api_clients ADD COLUMN scope VARCHAR(20) NOT NULL DEFAULT 'batch:operate'
    CHECK (scope IN ('batch:read', 'batch:operate'));
ALTER TABLE api_clients ADD CONSTRAINT api_clients_read_scope_platform_only CHECK (scope = 'batch:operate' OR role = 'platform');
