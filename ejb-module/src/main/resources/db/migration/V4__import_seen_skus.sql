-- The SKUs a full import (mode=full) has seen, per batch job instance: written with each chunk, so after a
-- restart they are still complete; read once at the end to mark the vendor's other products unavailable,
-- then deleted.
CREATE TABLE import_seen_skus (
    job_instance_id BIGINT       NOT NULL,
    sku             VARCHAR(100) NOT NULL,
    PRIMARY KEY (job_instance_id, sku)
);
