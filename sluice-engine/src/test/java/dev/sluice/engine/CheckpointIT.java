package dev.sluice.engine;

import static dev.sluice.engine.SyncHarness.r;
import static dev.sluice.engine.SyncHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checkpoints: durable data with state, rollback to the last one, state.json and its repair, --state. */
class CheckpointIT {

    private static final List<Table> ITEMS = List.of(
            Table.named("items").primaryKey("id").column("id", DataType.LONG).build());

    @TempDir
    Path dir;

    /** Emits ids from the state's cursor up to {@code upTo}, checkpointing every {@code every} rows, and fails after {@code failAfter} rows (0: never). */
    private static SyncHarness.Body incremental(int upTo, int every, int failAfter) {
        return (state, op) -> {
            long cursor = state.getLong("cursor", 0);
            int emitted = 0;
            for (long id = cursor + 1; id <= upTo; id++) {
                op.upsert("items", row("id", id, "v", "v" + id));
                if (id % 2 == 0) {
                    op.update("items", row("id", id - 1, "v", "updated" + id));
                }
                if (id % 5 == 0) {
                    op.delete("items", row("id", id - 2));
                }
                emitted++;
                if (id % every == 0) {
                    op.checkpoint(state.put("cursor", id));
                }
                if (failAfter > 0 && emitted == failAfter) {
                    throw new IllegalStateException("source went away after id " + id);
                }
            }
            op.checkpoint(state.put("cursor", (long) upTo));
        };
    }

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 3, 100_000})
    void aFailedSyncKeepsExactlyTheLastCheckpoint(int flushRows) {
        SyncHarness h = new SyncHarness(dir).flushRows(flushRows);
        SyncResult failed = h.sync(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "v", "a"));
            op.upsert("items", row("id", 2, "v", "b"));
            op.checkpoint(s.put("cursor", 2));
            op.upsert("items", row("id", 3, "v", "c"));
            op.update("items", row("id", 1, "v", "A"));
            op.delete("items", row("id", 2));
            op.upsert("other", row("x", 1));
            op.upsert("items", row("id", 4, "v", "d", "extra", 1.5));
            op.truncate("items");
            op.upsert("items", row("id", 5, "v", "e"));
            throw new IllegalStateException("boom");
        });
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.failureMessage()).contains("update() failed").contains("boom");
        assertThat(failed.state().asMap()).isEqualTo(Map.of("cursor", 2L));
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":2}");
        assertThat(h.tables()).containsExactly("items");
        assertThat(h.columnTypes("items")).doesNotContainKey("extra");
        assertThat(h.rows("SELECT id, v, _fivetran_deleted FROM tester.items ORDER BY id"))
                .containsExactly(r(1L, "a", false), r(2L, "b", false));

        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 6, "v", "f")));
        assertThat(h.startState.asMap()).isEqualTo(Map.of("cursor", 2L));
        assertThat(h.rows("SELECT id FROM tester.items ORDER BY id")).containsExactly(r(1L), r(2L), r(6L));
        assertThat(h.stateJson()).as("no checkpoint: state unchanged").isEqualTo("{\"cursor\":2}");
    }

    @Test
    void aFailedFirstSyncLeavesNoDataAndNoState() {
        SyncHarness h = new SyncHarness(dir).flushRows(1);
        String message = h.fails(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1));
            op.upsert("free", row("a", 1));
            throw new RuntimeException("first sync dies");
        });
        assertThat(message).contains("first sync dies");
        assertThat(h.stateJson()).isNull();
        assertThat(h.tables()).doesNotContain("free");
        if (h.tables().contains("items")) {
            assertThat(h.count("SELECT count(*) FROM tester.items")).isZero();
        }
        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 2)));
        assertThat(h.startState.isEmpty()).isTrue();
        assertThat(h.rows("SELECT id FROM tester.items")).containsExactly(r(2L));
    }

    @ParameterizedTest(name = "failAfter={0}")
    @ValueSource(ints = {1, 4, 7, 9, 13})
    void aResumedSyncEndsWithTheSameTablesAsAnUninterruptedOne(int failAfter) {
        SyncHarness reference = new SyncHarness(dir.resolve("reference")).flushRows(2);
        reference.ok(ITEMS, incremental(20, 3, 0));
        String expected = "SELECT id, v, _fivetran_deleted FROM tester.items ORDER BY id";

        SyncHarness h = new SyncHarness(dir.resolve("resumed")).flushRows(2);
        String message = h.fails(ITEMS, incremental(20, 3, failAfter));
        assertThat(message).contains("source went away");
        long checkpointed = (failAfter / 3) * 3L;
        assertThat(h.stateJson()).isEqualTo(checkpointed == 0 ? null : "{\"cursor\":" + checkpointed + "}");
        h.ok(ITEMS, incremental(20, 3, 0));
        assertThat(h.startState.getLong("cursor", 0)).isEqualTo(checkpointed);
        assertThat(h.rows(expected)).isEqualTo(reference.rows(expected));
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":20}");
    }

    @Test
    void stateJsonIsWrittenAtomicallyAsCompactJson() throws IOException {
        SyncHarness h = new SyncHarness(dir);
        List<String> seenInFile = new ArrayList<>();
        h.observer((n, state) -> seenInFile.add(h.stateJson()));
        SyncResult result = h.ok((s, op) -> {
            op.checkpoint(State.empty().put("cursor", "2024-01-01T00:00:00Z").put("page", 1));
            op.checkpoint(State.empty()
                    .put("cursor", "2024-01-02T00:00:00Z")
                    .put("page", 2)
                    .put("nested", row("list", List.of(1, "two", true), "pi", 3.25))
                    .put("nothing", null));
        });
        assertThat(seenInFile)
                .containsExactly(
                        "{\"cursor\":\"2024-01-01T00:00:00Z\",\"page\":1}",
                        "{\"cursor\":\"2024-01-02T00:00:00Z\",\"page\":2,\"nested\":{\"list\":[1,\"two\",true],\"pi\":3.25},\"nothing\":null}");
        assertThat(result.metrics().checkpoints()).isEqualTo(2);
        try (var files = Files.list(h.stateFile().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .doesNotContain("state.json.tmp")
                    .allSatisfy(name -> assertThat(name).doesNotEndWith(".tmp"));
        }
        Map<?, ?> parsed = new ObjectMapper().readValue(h.stateFile().toFile(), Map.class);
        assertThat(parsed.get("page")).isEqualTo(2);
        assertThat(result.state().getLong("page", 0)).isEqualTo(2);
        assertThat(result.state().get("nested")).isEqualTo(Map.of("list", List.of(1L, "two", true), "pi", 3.25));

        h.ok((s, op) -> {});
        assertThat(h.startState.get("nested"))
                .isEqualTo(Map.of("list", List.of(1L, "two", true), "pi", new java.math.BigDecimal("3.25")));
        assertThat(h.startState.getString("cursor")).isEqualTo("2024-01-02T00:00:00Z");
        assertThat(h.startState.has("nothing")).isTrue();
    }

    @Test
    void theStateHandedToUpdateIsACopy() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.checkpoint(s.put("a", 1)));
        h.ok((s, op) -> {
            s.put("a", 99); // changed but never checkpointed
        });
        h.ok((s, op) -> {});
        assertThat(h.startState.getLong("a", 0)).isEqualTo(1);
        assertThat(h.stateJson()).isEqualTo("{\"a\":1}");
    }

    @Test
    void laterChangesToACheckpointedStateObjectAreNotSaved() {
        SyncHarness h = new SyncHarness(dir);
        SyncResult result = h.sync((s, op) -> {
            op.checkpoint(s.put("a", 1));
            s.put("a", 2);
            throw new IllegalStateException("stop");
        });
        assertThat(result.state().getLong("a", 0)).isEqualTo(1);
        assertThat(h.stateJson()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aCrashBetweenCommitAndStateFileWriteIsRepairedFromTheWarehouse() throws IOException {
        SyncHarness h = new SyncHarness(dir);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1));
            op.checkpoint(s.put("cursor", 1));
        });
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 2));
            op.checkpoint(s.put("cursor", 2));
        });
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":2}");
        // the crash: the warehouse committed cursor 2, state.json still holds the previous state
        Files.writeString(h.stateFile(), "{\"cursor\":1}");
        List<String> fileDuringSync = new ArrayList<>();
        h.ok(ITEMS, (s, op) -> fileDuringSync.add(h.stateJson()));
        assertThat(h.startState.getLong("cursor", 0)).isEqualTo(2);
        assertThat(fileDuringSync).containsExactly("{\"cursor\":2}");
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":2}");
    }

    @Test
    void aCrashBeforeTheFirstStateFileWriteIsRepairedToo() throws IOException {
        SyncHarness h = new SyncHarness(dir);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1));
            op.checkpoint(s.put("cursor", 1));
        });
        Files.delete(h.stateFile());
        h.ok(ITEMS, (s, op) -> {});
        assertThat(h.startState.getLong("cursor", 0)).isEqualTo(1);
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":1}");
    }

    @Test
    void aStateFileEditedByTheUserIsHonoured() throws IOException {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.checkpoint(s.put("cursor", 1)));
        h.ok((s, op) -> op.checkpoint(s.put("cursor", 2)));
        Files.writeString(h.stateFile(), "{ \"cursor\": 0, \"note\": \"edited\" }\n");
        h.ok((s, op) -> {});
        assertThat(h.startState.asMap()).isEqualTo(Map.of("cursor", 0L, "note", "edited"));
        assertThat(h.stateJson()).isEqualTo("{ \"cursor\": 0, \"note\": \"edited\" }\n");

        Files.writeString(h.stateFile(), "{}");
        h.ok((s, op) -> op.checkpoint(s.put("cursor", 5)));
        assertThat(h.startState.isEmpty()).isTrue();
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":5}");
    }

    @Test
    void aStateOverrideIsTheStartingPointAndCheckpointsStillGoToStateJson() throws IOException {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.checkpoint(s.put("cursor", 1)));
        Path override = dir.resolve("my-state.json");
        Files.writeString(override, "{\"cursor\": 42}");
        h.stateOverride(Path.of("my-state.json"))
                .ok((s, op) -> op.checkpoint(s.put("cursor", s.getLong("cursor", 0) + 1)));
        assertThat(h.startState.getLong("cursor", 0)).isEqualTo(42);
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":43}");
        assertThat(Files.readString(override)).isEqualTo("{\"cursor\": 42}");

        h.stateOverride(null).ok((s, op) -> {});
        assertThat(h.startState.getLong("cursor", 0)).isEqualTo(43);

        String missing = h.stateOverride(dir.resolve("nope.json")).fails((s, op) -> {});
        assertThat(missing).contains("nope.json").contains("not found");
        Files.writeString(override, "[1]");
        String notObject = h.stateOverride(override).fails((s, op) -> {});
        assertThat(notObject).contains("my-state.json").contains("JSON object");
    }

    @Test
    void theObserverSeesEveryDurableCheckpointAndCanStopTheSync() {
        SyncHarness h = new SyncHarness(dir).flushRows(2);
        List<String> seen = new ArrayList<>();
        h.observer((n, state) -> {
            seen.add(n + ":" + state.getLong("cursor", -1) + ":" + h.stateJson());
            if (n == 2) {
                throw new IllegalStateException("stop after checkpoint 2");
            }
        });
        String message = h.fails(ITEMS, incremental(20, 3, 0));
        assertThat(message).contains("stop after checkpoint 2");
        assertThat(seen).containsExactly("1:3:{\"cursor\":3}", "2:6:{\"cursor\":6}");
        assertThat(h.stateJson()).isEqualTo("{\"cursor\":6}");
        assertThat(h.rows("SELECT max(id) FROM tester.items")).containsExactly(r(6L));
    }

    @Test
    void checkpointCountsAndWarningsAreReported() {
        SyncHarness h = new SyncHarness(dir);
        SyncResult result = h.ok((s, op) -> {
            op.warning("careful");
            op.checkpoint(s);
            op.checkpoint(s);
            op.warning("twice");
        });
        assertThat(result.metrics().checkpoints()).isEqualTo(2);
        assertThat(result.warnings()).containsExactly("careful", "twice");
        assertThat(h.fails((s, op) -> op.warning(" "))).contains("warning()");
    }

    @Test
    void operationsFromManyThreadsBetweenCheckpointsAreDurableTogether() throws Exception {
        SyncHarness h = new SyncHarness(dir).flushRows(50);
        String message = h.fails(ITEMS, (s, op) -> {
            runInThreads(op, 0, 500);
            op.checkpoint(s.put("cursor", 1));
            runInThreads(op, 500, 1000);
            throw new IllegalStateException("late failure");
        });
        assertThat(message).contains("late failure");
        assertThat(h.count("SELECT count(*) FROM tester.items")).isEqualTo(500);
        assertThat(h.count("SELECT max(id) FROM tester.items")).isEqualTo(499);
    }

    private static void runInThreads(Operations op, int from, int to) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                for (int id = from + offset; id < to; id += 4) {
                    op.upsert("items", row("id", id, "v", "t" + offset));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
