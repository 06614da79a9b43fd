package dev.sluice.examples.postgres;

import dev.sluice.testservices.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Creates the example's source database in the test PostgreSQL: sql/schema.sql plus generated rows. */
final class ShopDatabase {

    private ShopDatabase() {}

    /**
     * @return the database name
     */
    static String create(PostgresServer postgres, String name, int customers, int ordersPerCustomer) {
        postgres.createDatabase(name);
        try {
            postgres.execute(name, Files.readString(Path.of("sql/schema.sql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.execute(
                name,
                "INSERT INTO customers (id, email, name, tier, lifetime_value, created_at)"
                        + " SELECT i, 'customer.' || i || '@example.com', 'Customer ' || i,"
                        + " (ARRAY['standard', 'silver', 'gold'])[1 + i % 3], (i % 997) * 10.25,"
                        + " timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute'"
                        + " FROM generate_series(1, " + customers + ") AS i",
                "INSERT INTO orders (id, customer_id, status, total, placed_on, details)"
                        + " SELECT o, 1 + (o - 1) / " + ordersPerCustomer + ","
                        + " (ARRAY['pending', 'paid', 'shipped', 'delivered'])[1 + o % 4], (o % 500) + 0.99,"
                        + " date '2024-01-01' + (o % 365),"
                        + " jsonb_build_object('channel', (ARRAY['web', 'app', 'phone'])[1 + o % 3], 'items', 1 + o % 5)"
                        + " FROM generate_series(1, " + customers * ordersPerCustomer + ") AS o",
                "ANALYZE");
        return name;
    }

    static Map<String, String> configuration(PostgresServer postgres, String database, int batchSize) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("host", postgres.host());
        configuration.put("port", String.valueOf(postgres.port()));
        configuration.put("database", database);
        configuration.put("user", PostgresServer.USER);
        configuration.put("password", PostgresServer.PASSWORD);
        configuration.put("batch_size", String.valueOf(batchSize));
        return configuration;
    }
}
