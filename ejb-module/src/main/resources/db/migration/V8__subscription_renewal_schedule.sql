-- Subscriptions whose period ended are renewed (and invoiced) or lapse, every night at 01:30 UTC.
INSERT INTO schedules (name, task, second, minute, hour, misfire_policy)
VALUES ('subscription-renewal', 'subscription-renewal', '0', '30', '1', 'RUN_ONCE');
