package dev.sluice.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.SyncRun;
import dev.sluice.toolkit.fixtures.PostgresServer;
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
    void syncs200kRows() {
        int customers = Integer.getInteger("sluice.bench.customers", 50_000);
        try (PostgresServer postgres = PostgresServer.start()) {
            String db = ShopDatabase.create(postgres, "bench", customers, 3);
            try (ConnectorTester tester = ConnectorTester.of(new PostgresIncrementalConnector())
                    .configuration(ShopDatabase.configuration(postgres, db, 10_000))) {
                long started = System.nanoTime();
                SyncRun run = tester.sync().assertSucceeded();
                double seconds = (System.nanoTime() - started) / 1e9;
                long rows = customers * 4L;
                assertThat(tester.rows("orders")).hasSize(customers * 3);
                System.out.printf("BENCH postgres-incremental: %,d rows in %.2f s = %,.0f rows/s (%d checkpoints)%n",
                        rows, seconds, rows / seconds, run.checkpoints());
            }
        }
    }
}
