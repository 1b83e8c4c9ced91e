-- Invoice numbers are gapless per series and year. A series is a vendor's invoices to its customers
-- ('vendor:<id>') or the platform's invoices to vendors for their subscriptions ('platform'). The next number
-- is taken by updating the counter row, whose lock is held until the invoice commits; a rolled-back invoice
-- gives its number back.
CREATE TABLE invoice_counters (
    series      VARCHAR(40) NOT NULL,
    year        INTEGER     NOT NULL,
    last_seq    INTEGER     NOT NULL,
    PRIMARY KEY (series, year)
);
ALTER TABLE invoices ADD COLUMN series VARCHAR(40);
UPDATE invoices SET series = 'vendor:' || vendor_id;
ALTER TABLE invoices ALTER COLUMN series SET NOT NULL;
ALTER TABLE invoices DROP CONSTRAINT invoices_vendor_year_seq_uq;
ALTER TABLE invoices ADD CONSTRAINT invoices_series_year_seq_uq UNIQUE (series, invoice_year, invoice_seq);

-- An order is invoiced once; the invoice's PDF is kept in storage.
CREATE UNIQUE INDEX invoices_order_uq ON invoices (order_id) WHERE order_id IS NOT NULL;
ALTER TABLE invoices ADD COLUMN storage_key VARCHAR(300);

-- Files an email carries, as JSON: [{"filename", "content_type", "storage_key"}].
ALTER TABLE email_outbox ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
