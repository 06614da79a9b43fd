package dev.sluice.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.Configuration;
import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.SyncOutcome;
import dev.sluice.testservices.PostgresServer;
import dev.sluice.toolkit.jdbc.IncrementalJdbcReader;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures a first sync of 200,000 rows (50,000 customers, 150,000 orders) from PostgreSQL into
 * DuckDB and prints rows per second. Not a timed assertion; run it with
 * {@code ./mvnw verify -pl examples/postgres-incremental -Dsluice.bench=true -Dit.test=PostgresIncrementalBenchIT}.
 */
@EnabledIfSystemProperty(named = "sluice.bench", matches = "true")
class PostgresIncrementalBenchIT {

    @Test
    void syncs200kRows() throws Exception {
        int customers = Integer.getInteger("sluice.bench.customers", 50_000);
        try (PostgresServer postgres = PostgresServer.start()) {
            String db = ShopDatabase.create(postgres, "bench", customers, 3);
            Configuration configuration = Configuration.of(ShopDatabase.configuration(postgres, db, 10_000));
            long readStarted = System.nanoTime();
            long read = 0;
            try (Connection connection = PostgresIncrementalConnector.connect(configuration)) {
                for (IncrementalJdbcReader reader : PostgresIncrementalConnector.readers(configuration)) {
                    read += reader.read(connection, null, row -> {}, (position, size) -> {});
                }
            }
            double readSeconds = (System.nanoTime() - readStarted) / 1e9;
            System.out.printf(
                    "BENCH postgres-incremental, reading only: %,d rows in %.2f s = %,.0f rows/s%n",
                    read, readSeconds, read / readSeconds);
            try (ConnectorTester tester = ConnectorTester.of(new PostgresIncrementalConnector())
                    .configuration(ShopDatabase.configuration(postgres, db, 10_000))) {
                long started = System.nanoTime();
                SyncOutcome run = tester.sync().assertSucceeded();
                double seconds = (System.nanoTime() - started) / 1e9;
                long rows = customers * 4L;
                assertThat(tester.rows("orders")).hasSize(customers * 3);
                System.out.printf(
                        "BENCH postgres-incremental: %,d rows in %.2f s = %,.0f rows/s (%d checkpoints)%n",
                        rows, seconds, rows / seconds, run.checkpoints());
            }
        }
    }
}
