-- The bare SQL the benchmark compares the report job with: the report's three aggregates over all vendors
-- for 2025, as single queries without partitions, results fetched by psql.
SET search_path = orion;
SELECT (o.created_at AT TIME ZONE 'UTC')::date, o.currency, count(*), sum(o.total_amount),
       sum(round(o.total_amount * v.vat_rate / (100 + v.vat_rate), 2))
FROM orders o JOIN vendors v ON v.id = o.vendor_id
WHERE o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED') AND o.created_at >= '2025-01-01Z' AND o.created_at < '2026-01-01Z'
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT v.code, l.sku, max(l.title), o.currency, sum(l.quantity), sum(l.quantity * l.unit_price),
       sum(round(l.quantity * l.unit_price * v.vat_rate / (100 + v.vat_rate), 2))
FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN vendors v ON v.id = o.vendor_id
WHERE o.status IN ('CONFIRMED', 'SHIPPED', 'DELIVERED') AND o.created_at >= '2025-01-01Z' AND o.created_at < '2026-01-01Z'
GROUP BY v.code, l.sku, o.currency ORDER BY 6 DESC, 1, 2;
SELECT o.status, o.currency, count(*), sum(o.total_amount)
FROM orders o WHERE o.created_at >= '2025-01-01Z' AND o.created_at < '2026-01-01Z' GROUP BY 1, 2 ORDER BY 1, 2;
