-- Scheduled product-feed sync: one subscription per vendor. When it runs is an ordinary schedule (task
-- product-feed-sync, named product-feed-sync:vendor-<id>), so its timer, pause, misfires and run history are the
-- schedules'; paused is that schedule's enabled = false. Credentials are AES-GCM ciphertext (ORION_FEED_SECRET_KEY),
-- never read back by the API. etag, last_modified and content_sha256 belong to the last feed fetched.
CREATE TABLE feed_subscriptions (
    vendor_id       BIGINT        PRIMARY KEY REFERENCES vendors (id) ON DELETE CASCADE,
    schedule_id     BIGINT        NOT NULL UNIQUE REFERENCES schedules (id),
    url             VARCHAR(2000) NOT NULL,
    format          VARCHAR(20)   NOT NULL DEFAULT 'auto' CHECK (format IN ('auto', 'google_tsv', 'google_xml', 'shopify_csv')),
    mode            VARCHAR(10)   NOT NULL DEFAULT 'update' CHECK (mode IN ('update', 'full')),
    credentials     TEXT,
    credentials_type VARCHAR(10)  CHECK (credentials_type IN ('basic', 'header')),
    etag            VARCHAR(1000),
    last_modified   VARCHAR(100),
    content_sha256  CHAR(64),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((credentials IS NULL) = (credentials_type IS NULL))
);

-- One row per sync attempt: FETCHED started import job_id; SKIPPED found the feed unchanged (304, or the same
-- bytes); FAILED says why in error, in words a vendor may read.
CREATE TABLE feed_sync_attempts (
    id              BIGSERIAL     PRIMARY KEY,
    vendor_id       BIGINT        NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
    attempted_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    outcome         VARCHAR(10)   NOT NULL CHECK (outcome IN ('FETCHED', 'SKIPPED', 'FAILED')),
    http_status     INTEGER,
    bytes           BIGINT,
    job_id          BIGINT,
    error           VARCHAR(1000)
);
CREATE INDEX feed_sync_attempts_vendor_idx ON feed_sync_attempts (vendor_id, id DESC);
