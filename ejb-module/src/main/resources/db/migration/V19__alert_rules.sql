-- In-app alerts (docs/alerts.md): rules are data an ADMIN edits in the console. Each rule also keeps its own
-- state (firing or not, since when, which episode), so a restart or a second server never emails twice for
-- the same firing: the evaluation locks the row, and the outbox's dedupe key names the episode.
CREATE TABLE alert_rules (
    id                 BIGSERIAL PRIMARY KEY,
    name               VARCHAR(100)  NOT NULL UNIQUE,
    kind               VARCHAR(30)   NOT NULL
                           CHECK (kind IN ('FAILED_JOBS', 'DEAD_LETTERS', 'EMAIL_BACKLOG_AGE', 'SCHEDULE_LATE')),
    threshold          BIGINT        NOT NULL CHECK (threshold >= 0),
    window_minutes     INTEGER       NOT NULL DEFAULT 60 CHECK (window_minutes BETWEEN 1 AND 10080),
    recipients         VARCHAR(2000) NOT NULL,
    enabled            BOOLEAN       NOT NULL DEFAULT TRUE,
    firing             BOOLEAN       NOT NULL DEFAULT FALSE,
    firing_since       TIMESTAMPTZ,
    episode            BIGINT        NOT NULL DEFAULT 0,
    last_value         BIGINT,
    last_detail        VARCHAR(500),
    last_evaluated_at  TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- Evaluated once a minute by default; the schedule is edited on the schedules page like any other.
INSERT INTO schedules (name, task, second, minute, hour, misfire_policy) VALUES
    ('alert-evaluation', 'alert-evaluation', '30', '*', '*', 'SKIP');
