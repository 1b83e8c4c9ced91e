-- The request log of the API (docs/api.md#request-log): one row per request an authenticated API client made,
-- written in batches off the request thread (platform.requestlog.RequestLog). Route is the matched template
-- (/api/v1/orders/{id}), never the raw path; bodies are not kept. No foreign keys: a revoked client's rows stay
-- until housekeeping deletes them (ORION_RETENTION_REQUEST_LOG, 7 days).
CREATE TABLE api_request_log (
    id              BIGSERIAL     PRIMARY KEY,
    client_id       VARCHAR(64)   NOT NULL,
    vendor_id       BIGINT,
    method          VARCHAR(10)   NOT NULL,
    route           VARCHAR(300)  NOT NULL,
    status          SMALLINT      NOT NULL,
    duration_micros BIGINT        NOT NULL,
    idempotency_key VARCHAR(255),
    replayed        BOOLEAN       NOT NULL,
    correlation_id  VARCHAR(100)  NOT NULL,
    requested_at    TIMESTAMPTZ   NOT NULL
);
-- a client's own log, newest first (the API); the console's unfiltered view and the purge go by time
CREATE INDEX api_request_log_client_idx ON api_request_log (client_id, id DESC);
CREATE INDEX api_request_log_time_idx ON api_request_log (requested_at);
