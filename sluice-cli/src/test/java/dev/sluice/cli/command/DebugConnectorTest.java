package dev.sluice.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.CliRun;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLog;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import dev.sluice.sdk.TestResult;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice debug --connector}: syncs from a real SourceConnector server on loopback into a real warehouse. */
class DebugConnectorTest {

    @TempDir
    Path dir;

    /** Needs {@code token} to pass its setup test; upserts 30 rows into {@code items}, checkpointing the count. */
    static final class Items implements Connector {
        @Override
        public ConfigurationForm configurationForm() {
            return ConfigurationForm.builder()
                    .test(
                            "token",
                            "Checking the token",
                            cfg -> cfg.get("token") != null
                                    ? TestResult.success()
                                    : TestResult.failure("no token configured"))
                    .build();
        }

        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("items").primaryKey("id").build());
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            long done = state.getLong("done", 0);
            for (long id = done + 1; id <= done + 30; id++) {
                operations.upsert("items", Map.of("id", id, "secret_note", "n" + id, "label", "item " + id));
            }
            operations.checkpoint(state.put("done", done + 30));
        }
    }

    @Test
    void syncsFromARunningServerWithTheSameSummaryAndState() throws Exception {
        Files.writeString(dir.resolve("configuration.json"), "{\"token\": \"t0k3n-value\"}");
        Path selection = Files.writeString(
                dir.resolve("selection.json"), "{\"exclude_columns\": {\"items\": [\"secret_note\"]}}");
        try (ConnectorServer server = ConnectorServer.start(new Items(), 0, null, JsonLog.quiet())) {
            String target = "localhost:" + server.port();
            CliRun first =
                    CliRun.sluice("debug", dir.toString(), "--connector", target, "--selection", selection.toString());
            CliRun second =
                    CliRun.sluice("debug", dir.toString(), "--connector", target, "--selection", selection.toString());

            assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
            assertThat(first.out())
                    .contains(
                            "Connector server: " + target,
                            "[Checking the token]: PASSED",
                            "SYNC PROGRESS:",
                            "Sync SUCCEEDED")
                    .doesNotContain("t0k3n-value", "Building");
            assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
            assertThat(Files.readString(dir.resolve("files/state.json"))).isEqualTo("{\"done\":60}");
            try (WarehouseReader reader = WarehouseReader.open(dir.resolve("files/warehouse.db"))) {
                assertThat(reader.query("SELECT count(*) AS n FROM tester.items")
                                .rows()
                                .get(0)
                                .get("n"))
                        .isEqualTo(60L);
                assertThat(reader.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'items'")
                                .rows())
                        .extracting(row -> row.get("column_name"))
                        .doesNotContain("secret_note")
                        .contains("label");
            }
        }
    }

    @Test
    void aFailingSetupTestStopsTheSyncWithItsMessage() throws Exception {
        Files.writeString(dir.resolve("configuration.json"), "{}");
        try (ConnectorServer server = ConnectorServer.start(new Items(), 0, null, JsonLog.quiet())) {
            CliRun run = CliRun.sluice("debug", dir.toString(), "--connector", "localhost:" + server.port());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .contains(
                            "[Checking the token]: FAILED: no token configured",
                            "Sync FAILED: Setup test 'Checking the token' failed: no token configured");
            assertThat(dir.resolve("files/warehouse.db")).doesNotExist();
        }
    }

    @Test
    void aServerThatIsNotListeningFailsWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("configuration.json"), "{}");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.sluice("debug", dir.toString(), "--connector", "localhost:" + port);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("Cannot reach a SourceConnector server at localhost:" + port);
    }

    @Test
    void aSelectionWithoutAConnectorIsRefused() {
        CliRun run = CliRun.sluice("debug", dir.toString(), "--selection", "selection.json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--selection applies to --connector syncs only");
    }
}
