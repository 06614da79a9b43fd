package dev.sluice.engine.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.core.EngineOperations;
import dev.sluice.engine.core.SchemaManager;
import dev.sluice.engine.naming.Naming;
import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.engine.state.StateFileStore;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The primary keys a first sync defers are built at its end, within a lowered memory limit or, failing that, the whole one. */
class DeferredPrimaryKeyTest {

    private static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void withinHalfTheLimit() {
        syncWithPrimaryKeyMemory(-1);
        assertKeyedAndUnique();
    }

    @Test
    void withTheWholeLimitWhenTheLoweredOneIsTooSmall() {
        syncWithPrimaryKeyMemory(1 << 20);
        assertKeyedAndUnique();
    }

    private void syncWithPrimaryKeyMemory(long bytes) {
        Path file = dir.resolve("files/warehouse.db");
        SyncMetrics metrics = new SyncMetrics();
        try (DuckDbDestination destination =
                DuckDbDestination.open(new DuckDbInstances("320MB"), file, "tester", 100_000, 1_000_000)) {
            SchemaManager schema =
                    new SchemaManager(new Naming(NamingStrategy.FIVETRAN), metrics, destination.loadTables());
            if (bytes > 0) {
                destination.primaryKeyMemoryLimitBytes(bytes);
            }
            EngineOperations operations = new EngineOperations(
                    destination,
                    schema,
                    metrics,
                    new StateFileStore(dir.resolve("files/state.json")),
                    State.empty(),
                    null,
                    100_000,
                    1_000_000,
                    null);
            try {
                operations.onWriterThread(() -> schema.declare(
                        java.util.List.of(dev.sluice.sdk.Table.named("items")
                                .primaryKey("id")
                                .build()),
                        operations::writerFor));
                for (long id = 0; id < ROWS; id++) {
                    operations.upsert("items", Map.of("id", id, "name", "item-" + id));
                }
                operations.checkpoint(State.empty().put("done", true));
                operations.finish();
            } finally {
                operations.close();
            }
        }
    }

    private void assertKeyedAndUnique() {
        try (WarehouseReader reader = WarehouseReader.open(dir.resolve("files/warehouse.db"))) {
            assertThat(reader.query("SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = 'items'"
                                    + " AND constraint_type = 'PRIMARY KEY'")
                            .rows())
                    .containsExactly(Map.of("n", 1L));
            assertThat(reader.query("SELECT count(*) AS n FROM _sluice.deferred_keys")
                            .rows())
                    .containsExactly(Map.of("n", 0L));
            assertThat(reader.query("SELECT count(DISTINCT id) AS n FROM tester.items")
                            .rows())
                    .containsExactly(Map.of("n", (long) ROWS));
        }
    }
}
