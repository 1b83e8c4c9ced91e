-- Schedules are data: each names a task and an EJB calendar expression (ScheduleExpression's fields) in a
-- time zone. A persistent EJB timer fires it; "revision" counts changes and "timer_revision" says which
-- revision has its timer, so every node can tell whether the timer is current without asking the others.
CREATE TABLE schedules (
    id              BIGSERIAL PRIMARY KEY,
    name            VARCHAR(100) NOT NULL UNIQUE,
    task            VARCHAR(64)  NOT NULL,
    second          VARCHAR(100) NOT NULL DEFAULT '0',
    minute          VARCHAR(100) NOT NULL DEFAULT '0',
    hour            VARCHAR(100) NOT NULL DEFAULT '0',
    day_of_month    VARCHAR(100) NOT NULL DEFAULT '*',
    month           VARCHAR(100) NOT NULL DEFAULT '*',
    day_of_week     VARCHAR(100) NOT NULL DEFAULT '*',
    year            VARCHAR(100) NOT NULL DEFAULT '*',
    time_zone       VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    parameters      TEXT         NOT NULL DEFAULT '{}',
    misfire_policy  VARCHAR(10)  NOT NULL DEFAULT 'RUN_ONCE' CHECK (misfire_policy IN ('RUN_ONCE', 'SKIP')),
    revision        BIGINT       NOT NULL DEFAULT 1,
    timer_revision  BIGINT       NOT NULL DEFAULT 0,
    next_run_at     TIMESTAMPTZ,
    last_run_at     TIMESTAMPTZ,
    last_outcome    VARCHAR(20),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Every firing (or manual run) of a schedule; SKIPPED when the previous run was still going or a missed
-- firing was not to be caught up.
CREATE TABLE schedule_runs (
    id              BIGSERIAL PRIMARY KEY,
    schedule_id     BIGINT       NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    trigger         VARCHAR(10)  NOT NULL CHECK (trigger IN ('TIMER', 'MANUAL')),
    node            VARCHAR(100) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    outcome         VARCHAR(20)  NOT NULL CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    detail          TEXT
);
CREATE INDEX schedule_runs_schedule_idx ON schedule_runs (schedule_id, started_at DESC);
CREATE INDEX schedule_runs_running_idx ON schedule_runs (schedule_id) WHERE outcome = 'RUNNING';

-- The marketplace orders feed each vendor's orders are imported from on schedule.
ALTER TABLE vendors ADD COLUMN orders_feed_url VARCHAR(2000);

-- The housekeeping heartbeat's history moves to schedule_runs.
DROP TABLE task_runs;

INSERT INTO schedules (name, task, second, minute, hour, misfire_policy) VALUES
    ('housekeeping', 'housekeeping', '0', '*/5', '*', 'SKIP'),
    ('nightly-sales-reports', 'nightly-sales-reports', '0', '0', '2', 'RUN_ONCE'),
    ('marketplace-order-import', 'marketplace-order-import', '0', '*/15', '*', 'SKIP');
