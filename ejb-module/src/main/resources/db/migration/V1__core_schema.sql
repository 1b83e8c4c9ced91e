-- Orion's core schema. Flyway runs each migration in one transaction, and PostgreSQL DDL is transactional,
-- so a migration that fails leaves the database exactly as it was.

CREATE TABLE vendors (
    id              BIGSERIAL PRIMARY KEY,
    code            VARCHAR(64)  NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    locale          VARCHAR(10)  NOT NULL DEFAULT 'en',
    feed_url        VARCHAR(2000),
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);

-- Console users; the Elytron JDBC realm reads email, password_hash (bcrypt, modular crypt) and role.
CREATE TABLE users (
    id              BIGSERIAL PRIMARY KEY,
    email           VARCHAR(254) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'STAFF', 'VENDOR')),
    vendor_id       BIGINT REFERENCES vendors (id),
    locale          VARCHAR(10)  NOT NULL DEFAULT 'en',
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (role <> 'VENDOR' OR vendor_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_uq ON users (lower(email));

-- B2B API clients (OAuth2 client credentials); the secret is stored only as a bcrypt hash.
CREATE TABLE api_clients (
    id              BIGSERIAL PRIMARY KEY,
    client_id       VARCHAR(64)  NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    secret_hash     VARCHAR(100) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('vendor', 'platform')),
    vendor_id       BIGINT REFERENCES vendors (id),
    rate_plan       VARCHAR(32)  NOT NULL DEFAULT 'standard',
    revoked_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (role <> 'vendor' OR vendor_id IS NOT NULL)
);

CREATE TABLE products (
    id              BIGSERIAL PRIMARY KEY,
    vendor_id       BIGINT        NOT NULL REFERENCES vendors (id),
    sku             VARCHAR(100)  NOT NULL,
    gtin            VARCHAR(14),
    title           VARCHAR(500)  NOT NULL,
    description     TEXT,
    brand           VARCHAR(200),
    price_amount    NUMERIC(14,2) NOT NULL CHECK (price_amount >= 0),
    price_currency  CHAR(3)       NOT NULL,
    stock           INTEGER       NOT NULL DEFAULT 0 CHECK (stock >= 0),
    availability    VARCHAR(20)   NOT NULL DEFAULT 'in_stock'
                    CHECK (availability IN ('in_stock', 'out_of_stock', 'preorder', 'backorder', 'discontinued')),
    image_links     TEXT[]        NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT products_vendor_sku_uq UNIQUE (vendor_id, sku)
);
CREATE INDEX products_vendor_id_idx ON products (vendor_id, id);
CREATE INDEX products_updated_idx ON products (vendor_id, updated_at);
CREATE INDEX products_search_idx ON products USING GIN (
    to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(brand, '')));

CREATE TABLE customers (
    id              BIGSERIAL PRIMARY KEY,
    vendor_id       BIGINT       NOT NULL REFERENCES vendors (id),
    email           VARCHAR(254) NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    locale          VARCHAR(10)  NOT NULL DEFAULT 'en',
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT customers_vendor_email_uq UNIQUE (vendor_id, email)
);

CREATE TABLE orders (
    id                  BIGSERIAL PRIMARY KEY,
    vendor_id           BIGINT        NOT NULL REFERENCES vendors (id),
    customer_id         BIGINT        NOT NULL REFERENCES customers (id),
    external_id         VARCHAR(100),
    status              VARCHAR(20)   NOT NULL
                        CHECK (status IN ('PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED')),
    currency            CHAR(3)       NOT NULL,
    total_amount        NUMERIC(14,2) NOT NULL CHECK (total_amount >= 0),
    tracking_number     VARCHAR(100),
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT orders_vendor_external_uq UNIQUE (vendor_id, external_id)
);
CREATE INDEX orders_vendor_created_idx ON orders (vendor_id, created_at);
CREATE INDEX orders_status_idx ON orders (vendor_id, status);

CREATE TABLE order_lines (
    id              BIGSERIAL PRIMARY KEY,
    order_id        BIGINT        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no         INTEGER       NOT NULL,
    product_id      BIGINT        REFERENCES products (id),
    sku             VARCHAR(100)  NOT NULL,
    title           VARCHAR(500)  NOT NULL,
    quantity        INTEGER       NOT NULL CHECK (quantity > 0),
    unit_price      NUMERIC(14,2) NOT NULL CHECK (unit_price >= 0),
    CONSTRAINT order_lines_order_line_uq UNIQUE (order_id, line_no)
);

CREATE TABLE order_status_history (
    id              BIGSERIAL PRIMARY KEY,
    order_id        BIGINT      NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    from_status     VARCHAR(20),
    to_status       VARCHAR(20) NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by      VARCHAR(254)
);

CREATE TABLE subscriptions (
    id                  BIGSERIAL PRIMARY KEY,
    vendor_id           BIGINT        NOT NULL REFERENCES vendors (id),
    plan                VARCHAR(32)   NOT NULL CHECK (plan IN ('STARTER', 'GROWTH', 'ENTERPRISE')),
    billing_period      VARCHAR(10)   NOT NULL CHECK (billing_period IN ('MONTHLY', 'YEARLY')),
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('ACTIVE', 'PAST_DUE', 'LAPSED', 'CANCELLED')),
    price_amount        NUMERIC(14,2) NOT NULL CHECK (price_amount >= 0),
    price_currency      CHAR(3)       NOT NULL,
    current_period_start DATE         NOT NULL,
    current_period_end   DATE         NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version             BIGINT        NOT NULL DEFAULT 0,
    CHECK (current_period_end > current_period_start)
);

-- Invoice numbers are gapless per vendor and year: (vendor_id, year, seq) is unique.
CREATE TABLE invoices (
    id              BIGSERIAL PRIMARY KEY,
    vendor_id       BIGINT        NOT NULL REFERENCES vendors (id),
    subscription_id BIGINT        REFERENCES subscriptions (id),
    order_id        BIGINT        REFERENCES orders (id),
    invoice_year    INTEGER       NOT NULL,
    invoice_seq     INTEGER       NOT NULL,
    number          VARCHAR(40)   NOT NULL,
    issued_on       DATE          NOT NULL,
    net_amount      NUMERIC(14,2) NOT NULL,
    vat_amount      NUMERIC(14,2) NOT NULL,
    total_amount    NUMERIC(14,2) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT invoices_vendor_year_seq_uq UNIQUE (vendor_id, invoice_year, invoice_seq)
);

CREATE TABLE audit_log (
    id              BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor           VARCHAR(254) NOT NULL,
    actor_type      VARCHAR(20)  NOT NULL,
    vendor_id       BIGINT,
    action          VARCHAR(64)  NOT NULL,
    entity_type     VARCHAR(64)  NOT NULL,
    entity_id       VARCHAR(100),
    client_ip       VARCHAR(64),
    details         TEXT
);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at);

-- One row per run of a background maintenance task: what ran, when, and how it ended.
CREATE TABLE task_runs (
    id              BIGSERIAL PRIMARY KEY,
    task            VARCHAR(64)  NOT NULL,
    node            VARCHAR(100) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    outcome         VARCHAR(20)  NOT NULL CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    detail          TEXT
);
CREATE INDEX task_runs_task_idx ON task_runs (task, started_at DESC);

-- Emails handed to the emails queue; the MDB marks each SENT (with the SMTP message id) or FAILED.
CREATE TABLE email_outbox (
    id              BIGSERIAL PRIMARY KEY,
    dedupe_key      VARCHAR(200) NOT NULL UNIQUE,
    template        VARCHAR(64)  NOT NULL,
    locale          VARCHAR(10)  NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(500),
    model           TEXT         NOT NULL DEFAULT '{}',
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    message_id      VARCHAR(300),
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
