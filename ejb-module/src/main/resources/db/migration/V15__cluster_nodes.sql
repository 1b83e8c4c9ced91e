-- Each server says here, every few seconds, that it is alive (docs/cluster.md). A survivor claims the row of
-- a server that went silent (deleting it, so exactly one survivor does) and recovers what that server left:
-- its running job executions and the emails its broker may have held.
CREATE TABLE cluster_nodes (
    name       VARCHAR(200) PRIMARY KEY,
    started_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_seen  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
