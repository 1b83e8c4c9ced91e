-- A migration that fails half-way: the table is created, then a statement fails.
CREATE TABLE half_done (id BIGINT PRIMARY KEY);
INSERT INTO half_done (id) VALUES (1);
ALTER TABLE no_such_table ADD COLUMN x INTEGER;
