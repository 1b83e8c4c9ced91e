-- A user's security stamp changes whenever what their sessions may do changes (deactivation, role, password):
-- every console request compares its session's stamp with this one, so old sessions end within seconds on
-- every node.
ALTER TABLE users ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;
