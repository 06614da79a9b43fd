package dev.sluice.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.NamingStrategy;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.duckdb.Warehouse;
import dev.sluice.engine.schema.Naming;
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
        try (Warehouse warehouse = Warehouse.open(file, "320MB")) {
            SchemaManager schema = new SchemaManager(new Naming(NamingStrategy.FIVETRAN), metrics, warehouse.loadTables());
            warehouse.begin();
            WarehouseOperations operations = new WarehouseOperations(warehouse, schema, metrics,
                    dir.resolve("files/state.json"), State.empty(), null, 100_000, 1_000_000, null);
            try {
                if (bytes > 0) {
                    operations.primaryKeyMemoryLimitBytes(bytes);
                }
                operations.onWriterThread(() -> schema.declare(java.util.List.of(dev.sluice.sdk.Table.named("items")
                        .primaryKey("id").build()), operations::writerFor));
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
                    + " AND constraint_type = 'PRIMARY KEY'").rows()).containsExactly(Map.of("n", 1L));
            assertThat(reader.query("SELECT count(*) AS n FROM _sluice.pending_keys").rows()).containsExactly(Map.of("n", 0L));
            assertThat(reader.query("SELECT count(DISTINCT id) AS n FROM tester.items").rows())
                    .containsExactly(Map.of("n", (long) ROWS));
        }
    }
}
