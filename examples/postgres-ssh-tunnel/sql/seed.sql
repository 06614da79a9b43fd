-- 1,000 customers with 3 orders each, deterministic. Run after schema.sql.
INSERT INTO customers (id, email, name, tier, lifetime_value, created_at)
SELECT i, 'customer.' || i || '@example.com', 'Customer ' || i,
       (ARRAY['standard', 'silver', 'gold'])[1 + i % 3], (i % 997) * 10.25,
       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute'
FROM generate_series(1, 1000) AS i;

INSERT INTO orders (id, customer_id, status, total, placed_on, details)
SELECT o, 1 + (o - 1) / 3, (ARRAY['pending', 'paid', 'shipped', 'delivered'])[1 + o % 4], (o % 500) + 0.99,
       date '2024-01-01' + (o % 365), jsonb_build_object('channel', (ARRAY['web', 'app', 'phone'])[1 + o % 3], 'items', 1 + o % 5)
FROM generate_series(1, 3000) AS o;
