package dev.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorTesterTest {

    @Test
    void syncsIntoAWarehouseAndReadsRowsInKeyOrderAsPlainJavaValues() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            SyncOutcome run = tester.sync().assertSucceeded();

            assertThat(run.number()).isEqualTo(1);
            assertThat(run.checkpoints()).isEqualTo(10);
            assertThat(run.metrics().upserts()).isEqualTo(1000);
            assertThat(tester.tables()).containsExactly("items");
            assertThat(tester.columns("items"))
                    .contains("id", "name", "price", "in_stock", "created_at", "_fivetran_synced", "_fivetran_deleted");
            List<Map<String, Object>> rows = tester.rows("items");
            assertThat(rows).hasSize(1000);
            assertThat(rows)
                    .extracting(row -> row.get("id"))
                    .startsWith(1L, 2L, 3L)
                    .endsWith(1000L);
            Map<String, Object> third = rows.get(2);
            assertThat(third)
                    .containsEntry("name", "item-3")
                    .containsEntry("price", new BigDecimal("0.75"))
                    .containsEntry("in_stock", false)
                    .containsEntry("created_at", Instant.parse("2024-01-01T00:03:00Z"))
                    .containsEntry("_fivetran_deleted", false);
            assertThat(third.get("_fivetran_synced")).isInstanceOf(Instant.class);
            assertThat(tester.columnTypes("items")).containsEntry("price", "DECIMAL(10,2)");
        }
    }

    @Test
    void aSecondSyncResumesFromTheSavedState() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            tester.sync().assertSucceeded();
            assertThat(tester.state().getLong("next_page", -1)).isEqualTo(10);

            SyncOutcome second = tester.sync().assertSucceeded();

            assertThat(second.number()).isEqualTo(2);
            assertThat(second.metrics().upserts()).isZero();
            assertThat(tester.rows("items")).hasSize(1000);
        }
    }

    @Test
    void aFailedSyncIsReturnedAndKeepsTheLastCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.FailsAfter(3))) {
            SyncOutcome run = tester.sync();

            assertThat(run.succeeded()).isFalse();
            assertThat(run.failureMessage()).contains("503 Service Unavailable");
            assertThatThrownBy(run::assertSucceeded)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Sync 1 failed")
                    .hasMessageContaining("503 Service Unavailable");
            run.assertFailed().assertFailedWith("503");
            assertThat(tester.state().getLong("next_page", -1)).isEqualTo(3);
            assertThat(tester.rows("items")).hasSize(300);
        }
    }

    @Test
    void aSyncStoppedAfterACheckpointIsResumedByTheNextSync() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            SyncOutcome stopped = tester.syncStoppingAfterCheckpoint(4);

            assertThat(stopped.succeeded()).isFalse();
            assertThat(stopped.failureMessage()).contains("checkpoint 4");
            assertThat(tester.rows("items")).hasSize(400);
            assertThat(tester.state().getLong("next_page", -1)).isEqualTo(4);

            SyncOutcome resumed = tester.sync().assertSucceeded();
            assertThat(resumed.metrics().upserts()).isEqualTo(600);
            assertThat(tester.rows("items")).hasSize(1000);
        }
    }

    @Test
    void liveRowsLeaveOutSoftDeletedRows() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.UpsertsAndDeletes())) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("users"))
                    .extracting(row -> row.get("name"))
                    .containsExactly("Ada", "Grace", "Linus");
            assertThat(tester.liveRows("users"))
                    .extracting(row -> row.get("name"))
                    .containsExactly("Ada", "Linus");
            assertThat(tester.row("users", "id", 2)).containsEntry("_fivetran_deleted", true);
        }
    }

    @Test
    void rowFindsOneRowByValueAndFailsClearlyOtherwise() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.UpsertsAndDeletes())) {
            tester.sync().assertSucceeded();

            assertThat(tester.row("users", "id", 3L)).containsEntry("name", "Linus");
            assertThat(tester.row("users", "name", "Ada")).containsEntry("id", 1L);
            assertThatThrownBy(() -> tester.row("users", "id", 9))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("with id = 9 but found 0");
            assertThatThrownBy(() -> tester.row("users", "email", "x"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no column 'email'");
            assertThatThrownBy(() -> tester.rows("people"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("No table 'people'")
                    .hasMessageContaining("[users]");
        }
    }

    @Test
    void passesTheConfigurationAndRenamesSourceNames() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.EchoesConfiguration())
                .configuration(Map.of("apiKey", "secret", "region", "eu"))) {
            tester.sync().assertSucceeded();

            assertThat(tester.tables()).containsExactly("config_entries");
            assertThat(tester.columns("config_entries")).contains("entry_key", "entry_value", "_fivetran_id");
            assertThat(tester.rows("config_entries"))
                    .extracting(row -> row.get("entry_key"))
                    .containsExactlyInAnyOrder("apiKey", "region");
        }
    }

    @Test
    void readsAConfigurationFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("configuration.json");
        Files.writeString(file, "{\"token\": \"abc\"}");
        try (ConnectorTester tester =
                ConnectorTester.of(new TestConnectors.EchoesConfiguration()).configurationFile(file)) {
            tester.sync().assertSucceeded();

            assertThat(tester.row("config_entries", "entry_key", "token")).containsEntry("entry_value", "abc");
        }
    }

    @Test
    void makesANewConnectorForEachSyncWhenGivenAFactory() {
        int[] made = {0};
        try (ConnectorTester tester = ConnectorTester.of(() -> {
            made[0]++;
            return new TestConnectors.Paged();
        })) {
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
        }
        assertThat(made[0]).isEqualTo(2);
    }

    @Test
    void deletesItsTemporaryProjectButKeepsAGivenOne(@TempDir Path dir) {
        Path temporary;
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.UpsertsAndDeletes())) {
            tester.sync().assertSucceeded();
            temporary = tester.projectDir();
            assertThat(tester.warehouseFile()).exists();
        }
        assertThat(temporary).doesNotExist();

        try (ConnectorTester tester =
                ConnectorTester.of(new TestConnectors.UpsertsAndDeletes()).projectDir(dir)) {
            tester.sync().assertSucceeded();
        }
        assertThat(dir.resolve("files/warehouse.db")).exists();
        assertThat(dir.resolve("files/state.json")).exists();
    }

    @Test
    void readsTheStateOfAnExistingProjectBeforeItsFirstSync(@TempDir Path dir) {
        try (ConnectorTester first =
                ConnectorTester.of(new TestConnectors.FailsAfter(2)).projectDir(dir)) {
            first.sync().assertFailed();
        }
        try (ConnectorTester again =
                ConnectorTester.of(new TestConnectors.Paged()).projectDir(dir)) {
            assertThat(again.state().getLong("next_page", -1)).isEqualTo(2);
            assertThat(again.sync().assertSucceeded().metrics().upserts()).isEqualTo(800);
        }
    }

    @Test
    void explainsThatNothingWasSyncedYet() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            assertThatThrownBy(tester::tables)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run a sync first");
            assertThat(tester.state().isEmpty()).isTrue();
            assertThat(tester.lastSync()).isNull();
        }
    }

    @Test
    void queriesTheWarehouseWithSql() {
        try (ConnectorTester tester = ConnectorTester.of(new TestConnectors.Paged())) {
            tester.sync().assertSucceeded();

            List<Map<String, Object>> result =
                    tester.query("SELECT count(*) AS n, sum(price) AS total FROM tester.items");

            assertThat(result.get(0).get("n")).isEqualTo(1000L);
            assertThat((BigDecimal) result.get(0).get("total")).isEqualByComparingTo("125125.00");
        }
    }
}
