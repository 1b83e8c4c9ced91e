-- Indexes behind the console dashboard's figures (DashboardFigures).

-- Orders of all vendors by creation time: "orders today", the 7/30-day revenue and the charts for platform users
-- (one vendor's figures already use orders_vendor_created_idx).
CREATE INDEX orders_created_idx ON orders (created_at);

-- Products low on stock (Dashboard.LOW_STOCK = 5): a small partial index, so the count never reads the catalogue.
CREATE INDEX products_low_stock_idx ON products (vendor_id) WHERE stock <= 5 AND availability <> 'discontinued';

-- The outbox keeps every email ever sent; the backlog and the dead letters are the few rows not SENT.
CREATE INDEX email_outbox_unsent_idx ON email_outbox (status) WHERE status <> 'SENT';
