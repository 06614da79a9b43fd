package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncResult;
import dev.sluice.examples.quickstart.QuickstartConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same connector synced in-process and over gRPC on loopback ends with the same tables and state. */
class SameResultsIT {

    @TempDir
    Path tmp;

    @Test
    void quickstartLandsTheSameTablesInProcessAndOverGrpc() throws Exception {
        Map<String, String> configuration = Map.of("seed", "42", "customers", "200");
        Path local = tmp.resolve("local");
        Path remote = tmp.resolve("remote");
        for (int sync = 1; sync <= 2; sync++) {
            SyncResult inProcess = Syncs.inProcess(new QuickstartConnector(), local, configuration);
            SyncResult overGrpc = Syncs.overGrpc(new QuickstartConnector(), remote, configuration);

            assertThat(inProcess.succeeded()).as(inProcess.failureMessage()).isTrue();
            assertThat(overGrpc.succeeded()).as(overGrpc.failureMessage()).isTrue();
            assertThat(overGrpc.metrics().rowsPerTable())
                    .isEqualTo(inProcess.metrics().rowsPerTable());
            assertThat(overGrpc.metrics().checkpoints())
                    .isEqualTo(inProcess.metrics().checkpoints());
            assertThat(overGrpc.state()).isEqualTo(inProcess.state());
        }
        Map<String, List<String>> expected = WarehouseDump.of(local);
        assertThat(expected).containsKeys("customers", "orders", "order_items");
        assertThat(WarehouseDump.of(remote)).isEqualTo(expected);
        assertThat(Files.readString(remote.resolve("files/state.json")))
                .isEqualTo(Files.readString(local.resolve("files/state.json")));
    }

    @Test
    void everyTypeAndOperationLandsTheSameInProcessAndOverGrpc() throws Exception {
        Path local = tmp.resolve("local");
        Path remote = tmp.resolve("remote");
        for (int sync = 1; sync <= 2; sync++) {
            SyncResult inProcess = Syncs.inProcess(new KitchenSinkConnector(), local, Map.of());
            SyncResult overGrpc = Syncs.overGrpc(new KitchenSinkConnector(), remote, Map.of());

            assertThat(inProcess.succeeded()).as(inProcess.failureMessage()).isTrue();
            assertThat(overGrpc.succeeded()).as(overGrpc.failureMessage()).isTrue();
            assertThat(overGrpc.warnings()).isEqualTo(inProcess.warnings());
            assertThat(overGrpc.metrics().upserts())
                    .isEqualTo(inProcess.metrics().upserts());
            assertThat(overGrpc.metrics().updates())
                    .isEqualTo(inProcess.metrics().updates());
            assertThat(overGrpc.metrics().deletes())
                    .isEqualTo(inProcess.metrics().deletes());
            assertThat(overGrpc.metrics().truncates())
                    .isEqualTo(inProcess.metrics().truncates());
            assertThat(overGrpc.state()).isEqualTo(inProcess.state());
            assertThat(WarehouseDump.of(remote)).isEqualTo(WarehouseDump.of(local));
        }
        Map<String, List<String>> tables = WarehouseDump.of(remote);
        assertThat(tables).containsOnlyKeys("typed", "loose", "points");
        assertThat(tables.get("typed").get(0))
                .contains(
                        "price DECIMAL(12,2)",
                        "attributes VARCHAR",
                        "payload BLOB",
                        "instant TIMESTAMP WITH TIME ZONE",
                        "local_time TIMESTAMP",
                        "day DATE",
                        "small SMALLINT");
        assertThat(tables.get("loose").get(0)).contains("count BIGINT", "added_later VARCHAR", "_fivetran_id");
    }
}
