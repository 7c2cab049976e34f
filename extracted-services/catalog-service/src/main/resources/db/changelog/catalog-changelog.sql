--liquibase formatted sql

-- The catalog's own schema. Ids of rows created here come from sequences starting at 1,000,000,000 so they
-- never collide with the legacy shop's ids (its sequences stay below that); rows synced from the legacy side
-- keep their legacy ids. Money is a decimal amount of euros; the HTTP edge maps it to integer cents.

--changeset catalog:1-category
CREATE SEQUENCE category_id_seq START WITH 1000000000;
CREATE TABLE category (
    id          BIGINT PRIMARY KEY DEFAULT nextval('category_id_seq'),
    name        VARCHAR(200) NOT NULL,
    parent_id   BIGINT REFERENCES category (id),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER SEQUENCE category_id_seq OWNED BY category.id;

--changeset catalog:2-product
CREATE SEQUENCE product_id_seq START WITH 1000000000;
CREATE TABLE product (
    id           BIGINT PRIMARY KEY DEFAULT nextval('product_id_seq'),
    sku          VARCHAR(32) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    description  VARCHAR(2000) NOT NULL DEFAULT '',
    category_id  BIGINT NOT NULL REFERENCES category (id),
    price        NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    active       BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    version      BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT product_sku_key UNIQUE (sku)
);
ALTER SEQUENCE product_id_seq OWNED BY product.id;
CREATE INDEX product_category_idx ON product (category_id);

--changeset catalog:3-stock
-- on_hand: units that can still be sold (reservations take units off at once, as the legacy shop does);
-- reserved: units held by reservations that are neither confirmed nor released yet.
CREATE TABLE stock (
    product_id  BIGINT PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
    on_hand     INTEGER NOT NULL CHECK (on_hand >= 0),
    reserved    INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

--changeset catalog:4-stock-reservation
CREATE TABLE stock_reservation (
    id          VARCHAR(64) PRIMARY KEY,
    status      VARCHAR(16) NOT NULL CHECK (status IN ('RESERVED', 'RELEASED', 'CONFIRMED')),
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE TABLE stock_reservation_line (
    reservation_id  VARCHAR(64) NOT NULL REFERENCES stock_reservation (id) ON DELETE CASCADE,
    line_no         INTEGER NOT NULL,
    product_id      BIGINT NOT NULL REFERENCES product (id),
    sku             VARCHAR(32) NOT NULL,
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    unit_price      NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (reservation_id, line_no),
    CONSTRAINT stock_reservation_line_product_key UNIQUE (reservation_id, product_id)
);

--changeset catalog:5-fillfactor
-- Products and stock rows are updated in place far more often than they are inserted (prices, descriptions, the
-- CDC sync's writes during cutover, quantities): room left in each page lets PostgreSQL update a row within its page
-- without touching the indexes (a HOT update) while no indexed column (id, sku, category) changes.
ALTER TABLE product SET (fillfactor = 85);
ALTER TABLE stock SET (fillfactor = 85);
