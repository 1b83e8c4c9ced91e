-- Each vendor's low-stock threshold: stock at or below it is low (the dashboard's figure, the product list's filter),
-- and going from above it to at or below it is a stock.low event. 5 was the platform-wide value before.
ALTER TABLE vendors ADD COLUMN low_stock_threshold INTEGER NOT NULL DEFAULT 5
    CONSTRAINT vendors_low_stock_threshold_range CHECK (low_stock_threshold BETWEEN 0 AND 1000000);

-- Low stock was stock <= 5 everywhere, which this partial index served; with a threshold per vendor the counts read
-- a range of products_vendor_stock_idx (vendor_id, stock, id) instead, so this one would only slow down writes.
DROP INDEX IF EXISTS products_low_stock_idx;
