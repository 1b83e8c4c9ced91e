#!/usr/bin/env bash
# The experiment behind docs/performance.md's "Full-text index" (issue 17, item 2): in a scratch database, the bench
# feed (run bench/import/run once to generate it) loaded into a copy of products with today's full-text index (GIN
# over an expression, "expr") and with the candidate (a stored generated tsvector column, GIN with a 16 MB pending
# list, "col"); the search latency of the API's and the console's query shapes on both (median of 5 EXPLAIN ANALYZE);
# the cost of migrating 1M rows to the candidate. Run it under the IT lock: flock /tmp/orion-it.lock bench/import/search-index-experiment.sh
# Its output on the 2-core machine is search-index-experiment.txt.
set -euo pipefail
export PGPASSWORD=orion
P=(psql -h 127.0.0.1 -U orion -v ON_ERROR_STOP=1 -qAt)
FEED="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/feed.tsv"
"${P[@]}" -d postgres -c "DROP DATABASE IF EXISTS importperf_scratch" -c "CREATE DATABASE importperf_scratch"
S=("${P[@]}" -d importperf_scratch)
"${S[@]}" -c "CREATE UNLOGGED TABLE feed (id text, title text, description text, price text, availability text, brand text, gtin text, image_link text)" \
  -c "\\copy feed FROM '$FEED' WITH (FORMAT text, HEADER true)"
EXPR="to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(brand, ''))"
make_table() { # name variant
  local doc=""
  [ "$2" = column ] && doc=", search_document tsvector GENERATED ALWAYS AS ($EXPR) STORED"
  "${S[@]}" <<SQL
CREATE TABLE $1 (id BIGSERIAL PRIMARY KEY, vendor_id BIGINT NOT NULL, sku VARCHAR(100) NOT NULL, gtin VARCHAR(14), title VARCHAR(500) NOT NULL,
 description TEXT, brand VARCHAR(200), price_amount NUMERIC(14,2) NOT NULL, price_currency CHAR(3) NOT NULL, stock INTEGER NOT NULL DEFAULT 0,
 availability VARCHAR(20) NOT NULL DEFAULT 'in_stock', image_links TEXT[] NOT NULL DEFAULT '{}', created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
 updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), version BIGINT NOT NULL DEFAULT 0 $doc, UNIQUE (vendor_id, sku));
CREATE INDEX ON $1 (vendor_id, id); CREATE INDEX ON $1 (vendor_id, updated_at); CREATE INDEX ON $1 (vendor_id, sku varchar_pattern_ops);
CREATE INDEX ON $1 (vendor_id, title, id); CREATE INDEX ON $1 (vendor_id, brand, id); CREATE INDEX ON $1 (vendor_id, price_amount, id);
CREATE INDEX ON $1 (vendor_id, stock, id); CREATE INDEX ON $1 (vendor_id) WHERE stock <= 5 AND availability <> 'discontinued';
SQL
  case "$2" in
    expr) "${S[@]}" -c "CREATE INDEX ${1}_search ON $1 USING GIN ($EXPR)" ;;
    column) "${S[@]}" -c "CREATE INDEX ${1}_search ON $1 USING GIN (search_document) WITH (fastupdate = on, gin_pending_list_limit = 16384)" ;;
  esac
}
timed() { local start=$(date +%s.%N); "${S[@]}" -c "$2" >/dev/null; echo "$1: $(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$start" "$(date +%s.%N)") s"; }
for v in "expr expr" "col column"; do
  set -- $v
  make_table "$1" "$2"
  timed "$1 load 1M (one INSERT ... SELECT)" "INSERT INTO $1 (vendor_id, sku, title, description, brand, price_amount, price_currency, availability, image_links)
    SELECT 1, id, title, description, brand, split_part(price, ' ', 1)::numeric, split_part(price, ' ', 2), availability, ARRAY[image_link] FROM feed"
done
timed "col merge pending list" "SELECT gin_clean_pending_list('col_search'::regclass)"
"${S[@]}" -c "ANALYZE expr" -c "ANALYZE col"
COLS="p.id, p.vendor_id, p.sku, p.gtin, p.title, p.description, p.brand, p.price_amount, p.price_currency, p.stock, p.availability, p.image_links, p.created_at, p.updated_at, p.version"
ms() { for _ in 1 2 3 4 5; do "${S[@]}" -c "EXPLAIN (ANALYZE) $1" | grep "Execution Time" | awk '{print $3}'; done | sort -n | sed -n 3p; }
for q in "zzzz:*" "alpine:*" "alpine:* & tent:*" "123456:*"; do
  for t in expr col; do
    if [ $t = expr ]; then c="to_tsvector('simple', coalesce(p.title, '') || ' ' || coalesce(p.description, '') || ' ' || coalesce(p.brand, ''))"; inner="*"; else c="p.search_document"; inner="$COLS"; fi
    W="p.vendor_id = 1 AND $c @@ to_tsquery('simple', '$q')"
    echo "$t q='$q' api $(ms "SELECT $COLS FROM $t p WHERE $W AND p.id > 0 ORDER BY p.id LIMIT 51") ms;" \
      "console page $(ms "SELECT $COLS FROM (SELECT $inner FROM $t p WHERE $W OFFSET 0) p ORDER BY p.sku LIMIT 25 OFFSET 0") ms;" \
      "console count $(ms "SELECT count(*) FROM (SELECT 1 FROM $t p WHERE $W LIMIT 100001) c") ms"
  done
done
timed "V23 on 1M rows (expr table)" "ALTER TABLE expr ADD COLUMN search_document tsvector GENERATED ALWAYS AS ($EXPR) STORED;
  DROP INDEX expr_search; CREATE INDEX expr_search ON expr USING GIN (search_document) WITH (fastupdate = on, gin_pending_list_limit = 16384)"
"${S[@]}" -c "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class WHERE relname IN ('expr', 'col', 'none')"
"${P[@]}" -d postgres -c "DROP DATABASE importperf_scratch"
