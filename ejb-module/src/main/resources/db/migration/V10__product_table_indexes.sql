-- The console's product table sorts and filters a vendor's catalogue in the database, one page at a time.
-- With these, each sortable column is read in index order ((vendor_id, column, id): the id makes the order total,
-- so LIMIT/OFFSET pages never overlap), and a SKU prefix filter (LIKE 'abc%') is an index range scan whatever the
-- database collation. SKU order itself uses products_vendor_sku_uq, updated_at order products_updated_idx.
CREATE INDEX products_vendor_sku_prefix_idx ON products (vendor_id, sku varchar_pattern_ops);
CREATE INDEX products_vendor_title_idx ON products (vendor_id, title, id);
CREATE INDEX products_vendor_brand_idx ON products (vendor_id, brand, id);
CREATE INDEX products_vendor_price_idx ON products (vendor_id, price_amount, id);
CREATE INDEX products_vendor_stock_idx ON products (vendor_id, stock, id);
