-- The source of the postgres-incremental example: a small shop. Run it once in an empty database:
--   psql -h 127.0.0.1 -U sluice -d shop -f sql/schema.sql -f sql/seed.sql

-- customers: the cursor is updated_at, a timestamptz the trigger sets on every insert and update.
CREATE TABLE customers (
    id             bigint PRIMARY KEY,
    email          text NOT NULL,
    name           text,
    tier           text NOT NULL DEFAULT 'standard',
    lifetime_value numeric(12,2) NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE TRIGGER customers_touch BEFORE INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- orders: the cursor is version, a number from a sequence the trigger takes on every insert and update.
CREATE SEQUENCE orders_version;

CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status      text NOT NULL,
    total       numeric(12,2) NOT NULL,
    placed_on   date NOT NULL,
    details     jsonb,
    version     bigint NOT NULL DEFAULT nextval('orders_version')
);

CREATE FUNCTION next_order_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := nextval('orders_version');
    RETURN NEW;
END $$;

CREATE TRIGGER orders_version BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION next_order_version();

-- the keyset reads go through these: (cursor, primary key)
CREATE INDEX customers_sync ON customers (updated_at, id);
CREATE INDEX orders_sync ON orders (version, id);
