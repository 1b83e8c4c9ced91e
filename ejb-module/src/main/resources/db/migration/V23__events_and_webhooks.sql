-- Events and their delivery to vendors' webhook endpoints (docs/webhooks.md). An event row is written in the
-- transaction of the change it reports (an outbox): it exists exactly when the change does. Each endpoint that wants
-- the event gets one delivery row, written in that same transaction, and every HTTP attempt of it is kept.
CREATE TABLE events (
    id          UUID         PRIMARY KEY,
    seq         BIGSERIAL    NOT NULL UNIQUE,
    vendor_id   BIGINT       REFERENCES vendors (id) ON DELETE CASCADE,
    type        VARCHAR(64)  NOT NULL,
    api_version VARCHAR(8)   NOT NULL,
    data        JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX events_vendor_seq_idx ON events (vendor_id, seq);
CREATE INDEX events_created_idx ON events (created_at);

-- The signing secret is shown once, when created or rotated, and never returned again. During a rotation the
-- previous secret signs too, until previous_secret_until.
CREATE TABLE webhook_endpoints (
    id                    BIGSERIAL     PRIMARY KEY,
    vendor_id             BIGINT        NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    url                   VARCHAR(2000) NOT NULL,
    description           VARCHAR(200),
    event_types           VARCHAR(1000) NOT NULL,
    enabled               BOOLEAN       NOT NULL DEFAULT true,
    disabled_reason       VARCHAR(200),
    secret                VARCHAR(100)  NOT NULL,
    previous_secret       VARCHAR(100),
    previous_secret_until TIMESTAMPTZ,
    failing_since         TIMESTAMPTZ,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_vendor_idx ON webhook_endpoints (vendor_id);

-- One event to one endpoint. status: PENDING (an attempt is due), DELIVERED, FAILED (a 4xx, not retried; or the
-- endpoint was disabled), DEAD (retries exhausted). attempts counts the HTTP attempts made; a queue message names the
-- attempt it is for, so a duplicate message finds it made already and does nothing.
CREATE TABLE webhook_deliveries (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        UUID         NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    endpoint_id     BIGINT       NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DEAD')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    retries_left    INTEGER      NOT NULL,
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_undelivered_idx ON webhook_deliveries (event_id) WHERE status <> 'DELIVERED';

CREATE TABLE webhook_attempts (
    id               BIGSERIAL     PRIMARY KEY,
    delivery_id      BIGINT        NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt          INTEGER       NOT NULL,
    attempted_at     TIMESTAMPTZ   NOT NULL,
    duration_ms      INTEGER       NOT NULL,
    status_code      INTEGER,
    response_excerpt VARCHAR(1024),
    error            VARCHAR(500),
    outcome          VARCHAR(10)   NOT NULL,
    retry_in_ms      BIGINT
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt);
