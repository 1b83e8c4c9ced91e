-- Checks that JBeret's checkpoint of an import chunk (UPDATE STEP_EXECUTION ... READERCHECKPOINTINFO) runs in the
-- same PostgreSQL transaction as the chunk's rows (COPY into staging, the merge WITH ... INSERT INTO products):
-- pg_stat_activity sampled every 5 ms for about 3 minutes while imports run; each line of the first answer is one
-- backend transaction (xid, pid) seen running both. The reason a chunk may commit with synchronous_commit off
-- (docs/imports.md, How rows are written). Run beside import tests or a bench, e.g.
--   psql -h 127.0.0.1 -U orion -d orion_test -qAt -F ' ' -f bench/import/checkpoint-transaction.sql
CREATE TEMP TABLE seen (pid int, xid text, q text);
DO $$
BEGIN
  FOR i IN 1..36000 LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO seen SELECT pid, backend_xid::text, left(query, 30) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
        AND (query LIKE 'UPDATE STEP_EXECUTION%' OR query LIKE '%INSERT INTO products AS p%' OR query LIKE 'COPY product_import_staging%');
    PERFORM pg_sleep(0.005);
  END LOOP;
END $$;
SELECT xid, pid, string_agg(DISTINCT q, ' | ') FROM seen GROUP BY xid, pid HAVING count(DISTINCT left(q, 6)) > 1 ORDER BY xid::bigint LIMIT 20;
SELECT left(q, 6), count(DISTINCT xid) FROM seen GROUP BY 1;
