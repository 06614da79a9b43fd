package dev.sluice.examples.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testkit.ConnectorTester;
import dev.sluice.testkit.ResumeCheckOptions;
import dev.sluice.testkit.ResumeCheckReport;
import dev.sluice.testkit.SyncOutcome;
import dev.sluice.testservices.PostgresServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Syncs a real PostgreSQL (started for this class) into the test kit's DuckDB warehouse. */
class PostgresIncrementalConnectorIT {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theFirstSyncCopiesBothTablesWithTheirTypes() {
        String db = ShopDatabase.create(postgres, "first_sync", 300, 3);
        try (ConnectorTester tester = ConnectorTester.of(new PostgresIncrementalConnector())
                .configuration(ShopDatabase.configuration(postgres, db, 100))) {
            SyncOutcome run = tester.sync().assertSucceeded();

            assertThat(tester.tables()).containsExactly("customers", "orders");
            assertThat(tester.rows("customers")).hasSize(300);
            assertThat(tester.rows("orders")).hasSize(900);
            assertThat(run.checkpoints()).as("one per 100 rows, and the end").isEqualTo(3 + 9 + 1);
            assertThat(tester.columnTypes("customers"))
                    .containsEntry("id", "BIGINT")
                    .containsEntry("lifetime_value", "DECIMAL(12,2)")
                    .containsEntry("updated_at", "TIMESTAMP WITH TIME ZONE");
            assertThat(tester.columnTypes("orders"))
                    .containsEntry("placed_on", "DATE")
                    .containsEntry("version", "BIGINT")
                    .containsEntry("total", "DECIMAL(12,2)");

            Map<String, Object> customer = tester.row("customers", "id", 7L);
            assertThat(customer)
                    .containsEntry("email", "customer.7@example.com")
                    .containsEntry("tier", "silver")
                    .containsEntry("lifetime_value", new BigDecimal("71.75"))
                    .containsEntry("created_at", Instant.parse("2024-01-01T00:07:00Z"));
            Map<String, Object> order = tester.row("orders", "id", 10L);
            assertThat(order)
                    .containsEntry("customer_id", 4L)
                    .containsEntry("status", "shipped")
                    .containsEntry("placed_on", LocalDate.parse("2024-01-11"));
            assertThat(order.get("details")).asString().contains("\"channel\": \"app\"");
        }
    }

    @Test
    void theNextSyncReadsOnlyWhatChanged() {
        String db = ShopDatabase.create(postgres, "next_sync", 200, 3);
        try (ConnectorTester tester = ConnectorTester.of(new PostgresIncrementalConnector())
                .configuration(ShopDatabase.configuration(postgres, db, 50))) {
            tester.sync().assertSucceeded();
            Object customersCursor = ((Map<?, ?>) tester.state().get("customers")).get("cursor");

            postgres.execute(
                    db,
                    "UPDATE customers SET tier = 'platinum', lifetime_value = 9999.99 WHERE id IN (3, 150)",
                    "UPDATE orders SET status = 'refunded' WHERE id IN (1, 2, 600)",
                    "INSERT INTO customers (id, email) VALUES (201, 'new@example.com')",
                    "INSERT INTO orders (id, customer_id, status, total, placed_on) VALUES (601, 201, 'pending', 5, '2024-06-01')");
            SyncOutcome next = tester.sync().assertSucceeded();

            assertThat(next.metrics().upserts())
                    .as("2 + 1 customers, 3 + 1 orders")
                    .isEqualTo(7);
            assertThat(tester.rows("customers")).hasSize(201);
            assertThat(tester.rows("orders")).hasSize(601);
            assertThat(tester.row("customers", "id", 150L))
                    .containsEntry("tier", "platinum")
                    .containsEntry("lifetime_value", new BigDecimal("9999.99"));
            assertThat(tester.row("orders", "id", 600L)).containsEntry("status", "refunded");
            assertThat(tester.row("customers", "id", 201L)).containsEntry("tier", "standard");
            assertThat(((Map<?, ?>) tester.state().get("customers")).get("cursor"))
                    .isNotEqualTo(customersCursor);
            assertThat(((Map<?, ?>) tester.state().get("orders")).get("key"))
                    .as("the insert came last")
                    .isEqualTo(Map.of("id", 601L));

            assertThat(tester.sync().assertSucceeded().metrics().upserts())
                    .as("nothing changed")
                    .isZero();
        }
    }

    @Test
    void resumesFromEveryCheckpointOfTheFirstSyncAndOfTheNext() {
        String db = ShopDatabase.create(postgres, "resume", 100, 2);
        try (ConnectorTester tester = ConnectorTester.of(new PostgresIncrementalConnector())
                .configuration(ShopDatabase.configuration(postgres, db, 30))) {
            ResumeCheckReport first = tester.assertResumesFromEveryCheckpoint();
            assertThat(first.referenceCheckpoints()).isEqualTo(4 + 7 + 1);

            tester.sync().assertSucceeded();
            postgres.execute(
                    db,
                    "UPDATE customers SET name = 'Renamed ' || id WHERE id % 10 = 0",
                    "UPDATE orders SET status = 'paid' WHERE id % 4 = 0");
            ResumeCheckReport next = tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState());
            assertThat(next.checkpointsChecked())
                    .isEqualTo(next.referenceCheckpoints())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aWrongPasswordFailsTheSyncNamingServerAndUser() {
        Map<String, String> configuration = ShopDatabase.configuration(postgres, "postgres", 100);
        configuration.put("password", "wrong-secret-1");
        try (ConnectorTester tester =
                ConnectorTester.of(new PostgresIncrementalConnector()).configuration(configuration)) {
            SyncOutcome run = tester.sync().assertFailedWith("as user 'sluice': the server rejected the login");
            assertThat(run.failureMessage())
                    .contains("127.0.0.1:" + postgres.port())
                    .doesNotContain("wrong-secret-1");
        }
    }
}
