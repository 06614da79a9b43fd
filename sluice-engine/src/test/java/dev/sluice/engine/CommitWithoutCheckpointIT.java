package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector that writes far more operations than {@code commitRows} without a checkpoint: the
 * engine commits along the way without saving state, and a sync that fails after such commits
 * resumes from the last checkpoint and ends with the tables of a sync that never failed.
 */
class CommitWithoutCheckpointIT {

    private static final int STEPS = 12_000;
    private static final int KEYS = 5_000;
    private static final int FAIL_AT = 9_000;
    private static final List<Table> SCHEMA = List.of(Table.named("items")
            .primaryKey("id")
            .column("id", DataType.LONG)
            .column("v", DataType.STRING)
            .build());

    @TempDir
    Path dir;

    @Test
    void aFailedSyncPastSeveralCommitsWithoutStateResumesToTheTablesOfAnUninterruptedSync() throws Exception {
        SyncHarness reference = harness(dir.resolve("reference"));
        reference.ok(SCHEMA, CommitWithoutCheckpointIT::base);
        reference.ok(SCHEMA, (state, op) -> changes(state, op, -1));

        SyncHarness interrupted = harness(dir.resolve("interrupted"));
        interrupted.ok(SCHEMA, CommitWithoutCheckpointIT::base);
        String baseState = Files.readString(interrupted.stateFile());
        String message = interrupted.fails(SCHEMA, (state, op) -> changes(state, op, FAIL_AT));
        assertThat(message).contains("planned failure at step " + FAIL_AT);

        assertThat(Files.readString(interrupted.stateFile()))
                .as("state stays at the last checkpoint")
                .isEqualTo(baseState);
        long changedRows = interrupted.count("SELECT count(*) FROM tester.items WHERE v LIKE 'step-%'");
        assertThat(changedRows)
                .as("operations committed without a checkpoint before the failure")
                .isPositive();
        assertThat(interrupted.count("SELECT count(*) FROM tester.items WHERE v = 'step-" + (FAIL_AT - 1) + "'"))
                .as("the operations after the last commit were rolled back")
                .isZero();

        interrupted.ok(SCHEMA, (state, op) -> changes(state, op, -1));
        for (String table : List.of("items", "events")) {
            assertThat(interrupted.rowsWithoutSynced(table))
                    .as(table)
                    .isNotEmpty()
                    .isEqualTo(reference.rowsWithoutSynced(table));
        }
        assertThat(Files.readString(interrupted.stateFile())).isEqualTo(Files.readString(reference.stateFile()));
    }

    @Test
    void aSyncWithoutCheckpointsSucceedsAndCommitsAlongTheWay() {
        SyncHarness h = harness(dir);
        h.ok(SCHEMA, CommitWithoutCheckpointIT::base);
        SyncResult result = h.ok(SCHEMA, (state, op) -> {
            for (long id = 0; id < KEYS; id++) {
                op.upsert("items", Map.of("id", id, "v", "again-" + id));
            }
        });
        assertThat(result.metrics().checkpoints()).isZero();
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE v = 'again-' || id"))
                .isEqualTo(KEYS);
    }

    private static SyncHarness harness(Path project) {
        return new SyncHarness(project).flushRows(500).commitRows(2_000);
    }

    private static void base(State state, Operations op) {
        for (long id = 0; id < KEYS; id++) {
            op.upsert("items", Map.of("id", id, "v", "base"));
        }
        op.checkpoint(state.put("base", true));
    }

    /** Upserts over existing keys, updates, deletes, keyless rows and a truncate; one checkpoint at the end. */
    private static void changes(State state, Operations op, int failAt) {
        for (int step = 0; step < STEPS; step++) {
            if (step == failAt) {
                throw new IllegalStateException("planned failure at step " + step);
            }
            op.upsert("items", Map.of("id", (long) (step * 7 % KEYS), "v", "step-" + step));
            if (step % 5 == 0) {
                op.update("items", Map.of("id", (long) (step * 31 % KEYS), "note", "n" + step));
            }
            if (step % 11 == 0) {
                op.delete("items", Map.of("id", (long) (step * 17 % KEYS)));
            }
            op.upsert("events", Map.of("kind", step % 40, "bucket", step / 1_000));
            if (step == STEPS / 2) {
                op.truncate("events");
            }
        }
        op.checkpoint(state.put("done", true));
    }
}
