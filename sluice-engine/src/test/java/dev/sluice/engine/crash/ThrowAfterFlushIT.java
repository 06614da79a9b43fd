package dev.sluice.engine.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.SyncOptions;
import dev.sluice.engine.SyncResult;
import dev.sluice.engine.TestDestination;
import dev.sluice.engine.runtime.SyncRuntime;
import dev.sluice.engine.warehouse.WarehouseReader;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync that throws must leave the warehouse with exactly the data of its last checkpoint
 * (SyncExecution#run: "state stays at the last checkpoint and the warehouse holds exactly the data of
 * that checkpoint").
 *
 * <p>Engine bug found by the crash tests: when the connector throws while the writer thread still
 * has rows to apply (rows reach it in batches of 1024), {@code SyncExecution.run} calls
 * {@code warehouse.rollbackQuietly()} on the connector's thread right away, and only then, in
 * {@code finally}, {@code operations.close()}, which lets the writer thread apply the batches still
 * queued. Those flushes run after the ROLLBACK, outside any transaction (DuckDB autocommit), so
 * they are committed: rows emitted after the last checkpoint become durable although the sync
 * failed. (The ROLLBACK also runs on the connection while the writer thread may be using it.)
 * Expected: stop the writer (or wait for it) before rolling back, or roll back on the writer thread
 * after its queue is drained/discarded.
 */
class ThrowAfterFlushIT {

    @TempDir
    Path project;

    @Test
    void rowsFlushedBeforeAThrowAreRolledBack() {
        Connector connector = new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                operations.upsert("items", Map.of("id", 0L, "name", "checkpointed"));
                operations.checkpoint(State.empty().put("n", 1));
                // more than one batch (1024) so that rows reach the writer thread, which flushes
                // every row (flushRows=1) and so is still busy when the connector throws
                for (long id = 1; id <= 2000; id++) {
                    operations.upsert("items", Map.of("id", id, "name", "after the checkpoint"));
                }
                throw new IllegalStateException("source failed");
            }
        };
        SyncResult result = SyncRuntime.shared()
                .run(
                        connector,
                        SyncOptions.forProject(project)
                                .destination(TestDestination.forProject(project))
                                .configuration(Map.of())
                                .flushRows(1)
                                .build());
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureMessage()).contains("source failed");
        try (WarehouseReader reader = WarehouseReader.open(TestDestination.forProject(project))) {
            Object rows = reader.query("SELECT count(*) AS n FROM tester.items")
                    .rows()
                    .get(0)
                    .get("n");
            assertThat(rows)
                    .as("rows in tester.items after a sync failed after checkpointing 1 row")
                    .isEqualTo(1L);
        }
    }
}
