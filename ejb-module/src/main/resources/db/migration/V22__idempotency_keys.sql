-- Idempotency keys of the API (docs/api.md). PostgreSQL is their record, not Redis: a keyed request's answer is
-- written in the transaction of the change it answers, so the answer exists exactly when the change does.
-- A row is IN_FLIGHT while its request runs: one claim (owner) holds it until claimed_until, which the running
-- request keeps pushing forward; a retry may take over only a claim that lapsed, and the request that lost its
-- claim cannot commit (its answer is written only where owner is still its own). COMPLETED rows hold the answer
-- until expires_at; housekeeping deletes them afterwards.
CREATE TABLE idempotency_keys (
    client_id     VARCHAR(64)   NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,
    fingerprint   VARCHAR(64)   NOT NULL,
    state         VARCHAR(10)   NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    owner         VARCHAR(36)   NOT NULL,
    claimed_until TIMESTAMPTZ,
    status        INTEGER,
    content_type  VARCHAR(255),
    location      VARCHAR(2000),
    body          BYTEA,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (client_id, idem_key),
    CHECK (state = 'COMPLETED' OR claimed_until IS NOT NULL),
    CHECK (state = 'IN_FLIGHT' OR (status IS NOT NULL AND body IS NOT NULL))
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
