-- Sales-report benchmark data: :orders orders (1 to 3 lines each) over 8 vendors and one year, reproducible
-- (no random(): every value derives from the order's number g). Lives in the orion schema of orion_bench.
SET search_path = orion;
SET client_min_messages = warning;
DELETE FROM order_lines WHERE order_id IN (SELECT o.id FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE v.code LIKE 'rbench-%');
DELETE FROM order_status_history WHERE order_id IN (SELECT o.id FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE v.code LIKE 'rbench-%');
DELETE FROM orders WHERE vendor_id IN (SELECT id FROM vendors WHERE code LIKE 'rbench-%');
DELETE FROM customers WHERE vendor_id IN (SELECT id FROM vendors WHERE code LIKE 'rbench-%');
INSERT INTO vendors (code, name, vat_rate)
SELECT 'rbench-' || n, 'Report vendor ' || n, CASE WHEN n % 2 = 0 THEN 20 ELSE 10 END
FROM generate_series(1, 8) n ON CONFLICT (code) DO NOTHING;
INSERT INTO customers (vendor_id, email, full_name)
SELECT v.id, 'c' || c || '@example.com', 'Customer ' || c FROM vendors v, generate_series(1, 5000) c WHERE v.code LIKE 'rbench-%';

CREATE TEMP TABLE bench_vendor AS
SELECT row_number() OVER (ORDER BY v.id) - 1 AS slot, v.id, min(c.id) AS first_customer
FROM vendors v JOIN customers c ON c.vendor_id = v.id WHERE v.code LIKE 'rbench-%' GROUP BY v.id;

INSERT INTO orders (vendor_id, customer_id, external_id, status, currency, total_amount, created_at, updated_at)
SELECT b.id, b.first_customer + (g * 7) % 5000, 'rb-' || g,
       CASE WHEN g % 20 < 11 THEN 'DELIVERED' WHEN g % 20 < 15 THEN 'SHIPPED' WHEN g % 20 < 17 THEN 'CONFIRMED'
            WHEN g % 20 < 18 THEN 'PENDING' WHEN g % 20 < 19 THEN 'CANCELLED' ELSE 'REFUNDED' END,
       'EUR',
       (SELECT sum((1 + (g + k) % 3) * (5.99 + (g * 13 + k * 7) % 200)) FROM generate_series(1, 1 + g % 3) k),
       timestamptz '2025-01-01 00:00Z' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second',
       now()
FROM generate_series(1, :orders) g JOIN bench_vendor b ON b.slot = g % 8;

INSERT INTO order_lines (order_id, line_no, sku, title, quantity, unit_price)
SELECT o.id, k, 'SKU-' || ((g * 31 + k * 17) % 2000), 'Product ' || ((g * 31 + k * 17) % 2000),
       1 + (g + k) % 3, 5.99 + (g * 13 + k * 7) % 200
FROM (SELECT id, substr(external_id, 4)::bigint AS g FROM orders
      WHERE vendor_id IN (SELECT id FROM bench_vendor)) o, generate_series(1, 1 + o.g % 3) k;
ANALYZE vendors; ANALYZE customers; ANALYZE orders; ANALYZE order_lines;
