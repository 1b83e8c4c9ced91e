-- Deleting a product must not rewrite order history: order lines keep their SKU, title and price copies
-- and simply lose the link to the product.
ALTER TABLE order_lines DROP CONSTRAINT order_lines_product_id_fkey;
ALTER TABLE order_lines ADD CONSTRAINT order_lines_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL;

-- Why stock changed: one row per adjustment, written in the same transaction as the change.
CREATE TABLE stock_movements (
    id          BIGSERIAL PRIMARY KEY,
    product_id  BIGINT       NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    delta       INTEGER      NOT NULL,
    stock_after INTEGER      NOT NULL CHECK (stock_after >= 0),
    reason      VARCHAR(200) NOT NULL,
    actor       VARCHAR(254) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_product_idx ON stock_movements (product_id, created_at);
