-- Full-text search reads a stored document (issue 17): the products_search_idx GIN index was an expression index
-- over to_tsvector(...), whose expression every query had to repeat character for character, and whose lossy
-- bitmap pages were rechecked by computing it again. The document is now a stored generated column, computed once
-- when a product's title, description or brand is written, and the GIN index is over that column.
-- fastupdate (PostgreSQL's default, stated here) gathers new entries in a pending list merged into the index in
-- bulk; a larger list (16 MB, default 4 MB) merges a bulk import's entries in fewer, larger batches. Searches
-- read the pending list too, so nothing is stale; each import ends by merging it (gin_clean_pending_list), so a
-- search after an import does not scan it.
-- Cost at upgrade: adding a stored column rewrites the table and the index is rebuilt (docs/deployment.md:
-- about a minute per million products on the 2-core machine, under an exclusive lock of products).
ALTER TABLE products ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(brand, ''))) STORED;
DROP INDEX products_search_idx;
CREATE INDEX products_search_idx ON products USING GIN (search_document) WITH (fastupdate = on, gin_pending_list_limit = 16384);
