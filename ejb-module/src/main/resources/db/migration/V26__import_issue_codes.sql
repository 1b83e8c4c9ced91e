-- Issues like Google Merchant Center's: each rejected row and warning carries a stable code (docs/imports.md,
-- "Issue codes"), and, for a product feed's row, the SKU it was for. A product's open issues are those of the
-- latest import that named it: a later import that names the SKU closes them (resolved_at), in its chunk's
-- transaction. Rows from before this version are 'other' and name no product.
ALTER TABLE import_issues ADD COLUMN code VARCHAR(40) NOT NULL DEFAULT 'other';
ALTER TABLE import_issues ADD COLUMN sku VARCHAR(100);
ALTER TABLE import_issues ADD COLUMN resolved_at TIMESTAMPTZ;
CREATE INDEX import_issues_open_sku_idx ON import_issues (vendor_id, sku) WHERE sku IS NOT NULL AND resolved_at IS NULL;
