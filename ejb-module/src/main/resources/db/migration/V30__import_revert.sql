-- Revert an import (POST /api/v1/imports/{id}/revert). Each chunk of a real product import records, in its own
-- transaction and by the same statement that writes the products, what it changed: per batch job instance, one
-- header row (kept for ORION_RETENTION_IMPORT_ISSUES, then purged with its rows) and one row per product written.
CREATE TABLE import_revert_data (
    job_instance_id BIGINT      PRIMARY KEY,
    vendor_id       BIGINT      NOT NULL REFERENCES vendors (id),
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set once the import is reverted, with what the revert did
    reverted_at     TIMESTAMPTZ,
    reverted_by     VARCHAR(254),
    restored        BIGINT,
    removed         BIGINT,
    unavailable     BIGINT,
    conflicts       BIGINT,
    conflict_skus   TEXT[]
);
CREATE INDEX import_revert_data_recorded_idx ON import_revert_data (recorded_at);
-- A product the import wrote: its values before the import (NULL columns when the import created it) and the
-- version the import left it at; a product whose version differs at revert time was changed by someone else since.
CREATE TABLE import_revert_rows (
    job_instance_id BIGINT        NOT NULL,
    sku             VARCHAR(100)  NOT NULL,
    created         BOOLEAN       NOT NULL,
    gtin            VARCHAR(14),
    title           VARCHAR(500),
    description     TEXT,
    brand           VARCHAR(200),
    price_amount    NUMERIC(14,2),
    price_currency  CHAR(3),
    stock           INTEGER,
    availability    VARCHAR(20),
    image_links     TEXT[],
    version_after   BIGINT        NOT NULL,
    PRIMARY KEY (job_instance_id, sku)
);
