package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncResult;
import dev.sluice.protocol.drive.SelectionFile;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across languages: a connector server written in Node from the .proto files is synced by the
 * engine, and a Node client checks a served Sluice connector's stream message by message.
 */
class NodeInteropIT {

    private static NodeInterop node;

    @TempDir
    Path project;

    @BeforeAll
    static void installNode() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        node = NodeInterop.install(
                module.resolve("src/test/node"),
                module.resolve("src/main/protobuf"),
                module.resolve("target/node-interop"));
    }

    @Test
    void aNodeConnectorServerSyncsIntoTheWarehouseAndResumesFromItsState() throws Exception {
        try (NodeInterop.Server server = node.startConnectorServer()) {
            String target = "localhost:" + server.port();
            SyncResult first = Syncs.remote(target, project, Map.of("stand", "north"), SelectionFile.everything());

            assertThat(first.succeeded()).as(first.failureMessage()).isTrue();
            assertThat(first.warnings()).containsExactly("The stand closes early today");
            assertThat(Files.readString(project.resolve("files/state.json"))).isEqualTo("{\"cursor\":250}");
            Map<String, List<String>> tables = WarehouseDump.of(project);
            assertThat(tables).containsOnlyKeys("fruits", "notes");
            assertThat(tables.get("fruits").get(0))
                    .startsWith(
                            "id INTEGER, name VARCHAR, price DECIMAL(6,2)," + " picked_at TIMESTAMP WITH TIME ZONE,")
                    .contains("ripe BOOLEAN", "best_before DATE", "origin VARCHAR");
            assertThat(tables.get("fruits"))
                    .hasSize(1 + 250)
                    .anySatisfy(row -> assertThat(row).startsWith("1 | golden apple | 1.25 | "))
                    .anySatisfy(row -> assertThat(row)
                            .startsWith("2 | cherry #2 | 1.50 | ")
                            .endsWith("| true | "))
                    .anySatisfy(row -> assertThat(row)
                            .startsWith("7 | cherry #7 | 2.75 | ")
                            .endsWith("| null | false | "))
                    .anySatisfy(row -> assertThat(row)
                            .startsWith("8 | damson #8 | 3.00 | ")
                            .contains("{\"farm\":\"F2\",\"organic\":true}"));
            assertThat(tables.get("notes"))
                    .hasSize(2)
                    .anySatisfy(row -> assertThat(row).endsWith("| synced up to 250 | false | "));

            SyncResult second = Syncs.remote(target, project, Map.of("stand", "north"), SelectionFile.everything());

            assertThat(second.succeeded()).as(second.failureMessage()).isTrue();
            assertThat(second.metrics().upserts()).isEqualTo(5 + 1);
            assertThat(Files.readString(project.resolve("files/state.json"))).isEqualTo("{\"cursor\":255}");
            assertThat(WarehouseDump.of(project).get("fruits")).hasSize(1 + 255);
            assertThat(String.join("\n", server.lines()))
                    .contains("\"level\":\"INFO\"", "Update from state {\\\"cursor\\\":250}");
        }
    }

    @Test
    void aSelectionFileLeavesTablesAndColumnsOut() throws Exception {
        Path selection = project.resolve("selection.json");
        Files.writeString(
                selection,
                "{\"exclude_tables\": [\"notes\"], \"exclude_columns\": {\"fruits\": [\"price\", \"origin\"]}}");
        try (NodeInterop.Server server = node.startConnectorServer()) {
            SyncResult result = Syncs.remote(
                    "localhost:" + server.port(), project, Map.of("stand", "north"), SelectionFile.read(selection));

            assertThat(result.succeeded()).as(result.failureMessage()).isTrue();
            Map<String, List<String>> tables = WarehouseDump.of(project);
            assertThat(tables.keySet()).isEqualTo(Set.of("fruits"));
            assertThat(tables.get("fruits").get(0))
                    .doesNotContain("price", "origin")
                    .contains("name VARCHAR");
        }
    }

    @Test
    void aNodeClientChecksAServedSluiceConnectorsStreamMessageByMessage() throws Exception {
        try (ConnectorServer server = ConnectorServer.start(new ShowcaseConnector(), 0, null, JsonLog.quiet())) {
            NodeInterop.Result result = node.checkClient("localhost:" + server.port());

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output())
                    .contains("client-check: 15 checks ok, 0 failing")
                    .doesNotContain("FAIL");
        }
    }
}
