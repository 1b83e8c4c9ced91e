#!/usr/bin/env bash
# The API's search page (GET /api/v1/products?q=...&limit=50) on the benchmark's imported vendor, as SQL: the former
# single keyset query against the bounded walk followed, when it does not fill the page, by the index-driven query
# (ProductListing.after, as it writes them). Median execution time of 5 EXPLAIN ANALYZE each, after ANALYZE.
#   bench/import/search-plans.sh <vendor id>        (database orion_bench; output: search-plans.txt)
set -euo pipefail
V=$1
export PGPASSWORD="${ORION_DB_PASSWORD:-orion}"
P=(psql -h 127.0.0.1 -U "${ORION_DB_USER:-orion}" -d orion_bench -v ON_ERROR_STOP=1 -qAt)
DOC="to_tsvector('simple', coalesce(p.title, '') || ' ' || coalesce(p.description, '') || ' ' || coalesce(p.brand, ''))"
COLS="p.id, p.sku, p.title"
"${P[@]}" -c "ANALYZE orion.products"
median() {  # median of 5 execution times (ms) of the statement $1
  for _ in 1 2 3 4 5; do
    "${P[@]}" -c "EXPLAIN (ANALYZE, TIMING OFF) $1" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p'
  done | sort -n | sed -n 3p
}
printf '%-22s %12s %12s %14s %8s\n' "q (vendor $V)" "former ms" "walk ms" "index ms" "matches"
for q in 'zzzz:*' '123456:*' 'alpine:*' 'alpine:* & tent:*' 'brand7:*' '9999:*'; do
  where="p.vendor_id = $V AND $DOC @@ to_tsquery('simple', '$q')"
  former=$(median "SELECT $COLS FROM orion.products p WHERE $where AND p.id > 0 ORDER BY p.id LIMIT 51")
  walk=$(median "SELECT $COLS, p.walk_row = 10200 AS walk_end FROM (SELECT p.*, row_number() OVER (ORDER BY p.id) AS walk_row
    FROM (SELECT * FROM orion.products p WHERE p.vendor_id = $V AND (p.vendor_id, p.id) > ($V, 0) ORDER BY p.id LIMIT 10200) p) p
    WHERE ($where) OR p.walk_row = 10200 ORDER BY p.id LIMIT 51")
  found=$("${P[@]}" -c "SELECT count(*) FROM (SELECT 1 FROM (SELECT * FROM orion.products p WHERE p.vendor_id = $V AND p.id > 0 ORDER BY p.id LIMIT 10200) p WHERE $where LIMIT 51) x")
  index=-
  [ "$found" -le 50 ] && index=$(median "SELECT $COLS FROM (SELECT * FROM orion.products p WHERE $where AND p.id > 0 OFFSET 0) p ORDER BY p.id LIMIT 51")
  matches=$("${P[@]}" -c "SELECT count(*) FROM orion.products p WHERE $where")
  printf '%-22s %12s %12s %14s %8s\n' "$q" "$former" "$walk" "$index" "$matches"
done
