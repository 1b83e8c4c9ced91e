-- Rows an import rejected (or, later, imported with a warning). Keyed by the batch job instance, so the rows
-- a restarted execution rejects join those of the first run; inserted in the chunk's transaction, so a
-- rolled-back chunk leaves none behind and a restart never reports a row twice.
CREATE TABLE import_issues (
    id              BIGSERIAL PRIMARY KEY,
    job_instance_id BIGINT       NOT NULL,
    vendor_id       BIGINT       NOT NULL REFERENCES vendors (id),
    line_no         BIGINT       NOT NULL,
    column_name     VARCHAR(100),
    value           TEXT,
    reason          VARCHAR(500) NOT NULL,
    severity        VARCHAR(10)  NOT NULL CHECK (severity IN ('rejected', 'warning')),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX import_issues_instance_idx ON import_issues (job_instance_id, line_no);

-- Prices are VAT-inclusive; reports split totals into net and VAT at the vendor's rate (percent).
ALTER TABLE vendors ADD COLUMN vat_rate NUMERIC(5,2) NOT NULL DEFAULT 20.00 CHECK (vat_rate >= 0 AND vat_rate < 100);
