--liquibase formatted sql

--changeset orders-service:001-orders
-- Money is NUMERIC(12,2) euros (the HTTP edge speaks integer cents); ids start at 1e9 so they never collide with
-- the legacy shop's ids, which stay below 1e9 and may be copied in by CDC with their own values.
CREATE SEQUENCE customer_order_id_seq START WITH 1000000000 MINVALUE 1000000000;

CREATE TABLE customer_order (
    id          BIGINT PRIMARY KEY DEFAULT nextval('customer_order_id_seq'),
    customer_id BIGINT        NOT NULL CHECK (customer_id > 0),
    status      VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'FAILED', 'CANCELLED')),
    total       NUMERIC(12,2) CHECK (total >= 0),
    currency    CHAR(3)       NOT NULL DEFAULT 'EUR',
    payment_id  BIGINT,
    placed_at   TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX customer_order_customer ON customer_order (customer_id, id);

CREATE TABLE order_line (
    order_id   BIGINT        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no    SMALLINT      NOT NULL,
    product_id BIGINT        NOT NULL CHECK (product_id > 0),
    sku        VARCHAR(32),
    quantity   INTEGER       NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price NUMERIC(12,2) CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no),
    UNIQUE (order_id, product_id)
);

CREATE TABLE saga_instance (
    order_id        BIGINT       PRIMARY KEY REFERENCES customer_order (id) ON DELETE CASCADE,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('RUNNING', 'COMPENSATING', 'COMPLETED', 'COMPENSATED')),
    step            VARCHAR(32)  NOT NULL,
    failure         VARCHAR(32),
    failure_detail  VARCHAR(500),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    lease_owner     VARCHAR(100),
    lease_until     TIMESTAMPTZ,
    started_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX saga_instance_due ON saga_instance (next_attempt_at) WHERE state IN ('RUNNING', 'COMPENSATING');

CREATE TABLE saga_step_log (
    id       BIGSERIAL    PRIMARY KEY,
    order_id BIGINT       NOT NULL REFERENCES saga_instance (order_id) ON DELETE CASCADE,
    step     VARCHAR(32)  NOT NULL,
    outcome  VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'REJECTED', 'RETRY', 'GAVE_UP')),
    detail   VARCHAR(500),
    at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX saga_step_log_order ON saga_step_log (order_id, id);

CREATE TABLE idempotency_key (
    key_value       VARCHAR(200) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    order_id        BIGINT       NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    response_status SMALLINT,
    created_at      TIMESTAMPTZ  NOT NULL
);
