-- Feature flags (docs/flags.md): a platform value per flag (vendor_id NULL) and per-vendor overrides, which beat
-- it. A flag with no row takes the default its capability declares. Servers cache these rows in Redis and in
-- memory for ORION_FLAGS_CACHE_SECONDS; this table is the truth.
CREATE TABLE feature_flags (
    id         BIGSERIAL    PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    vendor_id  BIGINT       REFERENCES vendors (id) ON DELETE CASCADE,
    enabled    BOOLEAN      NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by VARCHAR(200) NOT NULL
);

-- one platform value per flag, one override per flag and vendor (NULLs are distinct in a plain unique index)
CREATE UNIQUE INDEX feature_flags_platform ON feature_flags (name) WHERE vendor_id IS NULL;
CREATE UNIQUE INDEX feature_flags_vendor ON feature_flags (name, vendor_id) WHERE vendor_id IS NOT NULL;
