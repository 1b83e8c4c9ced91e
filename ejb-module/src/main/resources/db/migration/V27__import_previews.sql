-- Dry runs (POST /api/v1/imports?dry_run=true): what a product feed would change, counted by each chunk in its
-- own transaction (so a restarted dry run counts each row once), keyed by the batch job instance.
CREATE TABLE import_previews (
    job_instance_id      BIGINT      PRIMARY KEY,
    vendor_id            BIGINT      NOT NULL REFERENCES vendors (id),
    created              BIGINT      NOT NULL DEFAULT 0,
    changed              BIGINT      NOT NULL DEFAULT 0,
    unchanged            BIGINT      NOT NULL DEFAULT 0,
    unavailable          BIGINT      NOT NULL DEFAULT 0,
    changed_title        BIGINT      NOT NULL DEFAULT 0,
    changed_description  BIGINT      NOT NULL DEFAULT 0,
    changed_brand        BIGINT      NOT NULL DEFAULT 0,
    changed_gtin         BIGINT      NOT NULL DEFAULT 0,
    changed_price        BIGINT      NOT NULL DEFAULT 0,
    changed_stock        BIGINT      NOT NULL DEFAULT 0,
    changed_availability BIGINT      NOT NULL DEFAULT 0,
    changed_images       BIGINT      NOT NULL DEFAULT 0,
    applied_import_id    BIGINT,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The first products a dry run would create or change, with their values before and after.
CREATE TABLE import_preview_samples (
    id              BIGSERIAL    PRIMARY KEY,
    job_instance_id BIGINT       NOT NULL,
    sku             VARCHAR(100) NOT NULL,
    kind            VARCHAR(10)  NOT NULL CHECK (kind IN ('created', 'changed')),
    before_values   JSONB,
    after_values    JSONB        NOT NULL
);
CREATE INDEX import_preview_samples_instance_idx ON import_preview_samples (job_instance_id, id);
