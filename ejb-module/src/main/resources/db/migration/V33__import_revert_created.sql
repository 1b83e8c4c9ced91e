-- The products an import created, one row per chunk (their SKUs in one array) instead of one import_revert_rows
-- row per product: a created product has no values from before to keep, and a row per product (with its primary
-- key) was most of what recording for a revert added to a first import's merge (docs/performance.md). Purged with
-- its import's header.
CREATE TABLE import_revert_created (
    job_instance_id BIGINT NOT NULL,
    -- the chunk's transaction id (pg_current_xact_id): an import's chunks commit one after another, so it orders
    -- this chunk's writes among the import's others
    xact            BIGINT NOT NULL,
    skus            TEXT[] NOT NULL
);
CREATE INDEX import_revert_created_job_idx ON import_revert_created (job_instance_id);
-- The transactions of a changed product's first and last write by the import, so a revert can tell a product the
-- import created and then changed (created) from one it changed, that someone else deleted and the import created
-- again (values from before kept). NULL in rows recorded before this migration: earlier than any chunk after it.
ALTER TABLE import_revert_rows ADD COLUMN first_xact BIGINT, ADD COLUMN last_xact BIGINT;
