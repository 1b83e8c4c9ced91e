-- The sweeper (StuckDeliveries) and the backlog gauges look for PENDING deliveries by their attempt time: a small
-- partial index, as delivered ones are most of the table.
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
