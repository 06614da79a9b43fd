package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.DestinationConfig;
import dev.sluice.testservices.PostgresServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test kit against a real PostgreSQL: the same syncs, reads and values as with DuckDB. */
class ConnectorTesterPostgresIT {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        postgres.createDatabase("kit");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static DestinationConfig destination(String schema) {
        return new DestinationConfig.Postgres(
                postgres.host(), postgres.port(), "kit", PostgresServer.USER, PostgresServer.PASSWORD, schema);
    }

    @Test
    void syncsIntoPostgresAndReadsTheSameValuesAsFromDuckDb() {
        try (ConnectorTester tester =
                ConnectorTester.of(new TestConnectors.Paged()).destination(destination("paged"))) {
            tester.sync().assertSucceeded();

            assertThat(tester.tables()).containsExactly("items");
            assertThat(tester.rows("items")).hasSize(1000);
            Map<String, Object> third = tester.row("items", "id", 3);
            assertThat(third)
                    .containsEntry("name", "item-3")
                    .containsEntry("price", new BigDecimal("0.75"))
                    .containsEntry("in_stock", false)
                    .containsEntry("created_at", Instant.parse("2024-01-01T00:03:00Z"))
                    .containsEntry("_fivetran_deleted", false);
            assertThat(tester.columnTypes("items")).containsEntry("price", "NUMERIC(10,2)");
            assertThat(tester.query("SELECT count(*) AS n FROM paged.items")).containsExactly(Map.of("n", 1000L));

            assertThat(tester.sync().assertSucceeded().metrics().upserts()).isZero();
            assertThat(tester.state().getLong("next_page", -1)).isEqualTo(10);
        }
    }

    @Test
    void theResumeCheckJudgesTheConnectorInThrowAwayDuckDbProjects() {
        try (ConnectorTester tester =
                ConnectorTester.of(new TestConnectors.Paged()).destination(destination("resumed"))) {
            ResumeCheckReport report = tester.assertResumesFromEveryCheckpoint();
            assertThat(report.referenceCheckpoints()).isEqualTo(10);
            assertThatThrownBy(() -> tester.assertResumesFromEveryCheckpoint(ResumeCheckOptions.fromCurrentState()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("drop destination(...)");
        }
    }
}
