package dev.sluice.engine;

import static dev.sluice.engine.SyncHarness.r;
import static dev.sluice.engine.SyncHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** upsert, update, delete and truncate as Fivetran defines them, within a flush, across flushes and across syncs. */
class OperationSemanticsIT {

    private static final List<Table> ITEMS = List.of(Table.named("items")
            .primaryKey("id")
            .column("id", DataType.LONG)
            .column("name", DataType.STRING)
            .column("qty", DataType.INT)
            .build());

    @TempDir
    Path dir;

    private SyncHarness harness(int flushRows) {
        return new SyncHarness(dir).flushRows(flushRows);
    }

    private List<List<Object>> items(SyncHarness h) {
        return h.rows("SELECT id, name, qty, _fivetran_deleted FROM tester.items ORDER BY id");
    }

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 3, 100_000})
    void upsertReplacesTheWholeRowAndMissingColumnsBecomeNull(int flushRows) {
        SyncHarness h = harness(flushRows);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "apple", "qty", 5, "colour", "red"));
            op.upsert("items", row("id", 2, "name", "pear", "qty", 7));
            op.upsert("items", row("id", 1, "qty", 6));
        });
        assertThat(h.rows("SELECT id, name, qty, colour, _fivetran_deleted FROM tester.items ORDER BY id"))
                .containsExactly(r(1L, null, 6, null, false), r(2L, "pear", 7, null, false));

        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 2, "colour", "green")));
        assertThat(h.rows("SELECT id, name, qty, colour, _fivetran_deleted FROM tester.items ORDER BY id"))
                .containsExactly(r(1L, null, 6, null, false), r(2L, null, null, "green", false));
    }

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 2, 100_000})
    void upsertRevivesASoftDeletedRow(int flushRows) {
        SyncHarness h = harness(flushRows);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "a", "qty", 1));
            op.upsert("items", row("id", 2, "name", "b", "qty", 2));
            op.delete("items", row("id", 1));
            op.delete("items", row("id", 2));
            op.upsert("items", row("id", 2, "name", "B"));
        });
        assertThat(items(h)).containsExactly(r(1L, "a", 1, true), r(2L, "B", null, false));

        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 1, "name", "A", "qty", 10)));
        assertThat(items(h)).containsExactly(r(1L, "A", 10, false), r(2L, "B", null, false));
    }

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 3, 100_000})
    void updateChangesOnlyTheGivenColumns(int flushRows) {
        SyncHarness h = harness(flushRows);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "apple", "qty", 5));
            op.upsert("items", row("id", 2, "name", "pear", "qty", 7));
            op.update("items", row("id", 1, "qty", 6));
            op.update("items", row("id", 1, "qty", 8));
            op.update("items", row("id", 2, "name", null));
        });
        assertThat(items(h)).containsExactly(r(1L, "apple", 8, false), r(2L, null, 7, false));

        h.ok(ITEMS, (s, op) -> {
            op.update("items", row("id", 1, "name", "APPLE"));
            op.update("items", row("id", 2, "qty", 70));
        });
        assertThat(items(h)).containsExactly(r(1L, "APPLE", 8, false), r(2L, null, 70, false));
    }

    @Test
    void updateOfAColumnTheTableDoesNotHaveYetAddsIt() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "a", "qty", 1));
            op.upsert("items", row("id", 2, "name", "b", "qty", 2));
            op.update("items", row("id", 2, "note", "added by update"));
        });
        assertThat(h.rows("SELECT id, name, qty, note FROM tester.items ORDER BY id"))
                .containsExactly(r(1L, "a", 1, null), r(2L, "b", 2, "added by update"));
    }

    @Test
    void updateAndDeleteOfAnUnknownKeyAreIgnored() {
        SyncHarness h = harness(2);
        SyncResult result = h.ok(ITEMS, (s, op) -> {
            op.update("items", row("id", 99, "name", "ghost"));
            op.delete("items", row("id", 98));
            op.upsert("items", row("id", 1, "name", "a", "qty", 1));
            op.update("items", row("id", 97, "name", "ghost"));
            op.delete("items", row("id", 96));
        });
        assertThat(items(h)).containsExactly(r(1L, "a", 1, false));
        assertThat(result.metrics().updates()).isEqualTo(2);
        assertThat(result.metrics().deletes()).isEqualTo(2);
        assertThat(result.metrics().upserts()).isEqualTo(1);

        h.ok(ITEMS, (s, op) -> {
            op.update("items", row("id", 5, "name", "ghost"));
            op.delete("items", row("id", 6));
        });
        assertThat(items(h)).containsExactly(r(1L, "a", 1, false));
    }

    @Test
    void updateAndDeleteOnATableWithoutRowsAreIgnored() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> {
            op.update("items", row("id", 1, "name", "ghost"));
            op.delete("items", row("id", 1));
        });
        assertThat(items(h)).isEmpty();
    }

    @Test
    void deleteIsSoftAndKeepsTheRowsValues() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "a", "qty", 1));
            op.upsert("items", row("id", 2, "name", "b", "qty", 2));
            op.checkpoint(State.empty());
            op.delete("items", row("id", 1));
        });
        assertThat(items(h)).containsExactly(r(1L, "a", 1, true), r(2L, "b", 2, false));
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE _fivetran_synced IS NULL"))
                .isZero();
    }

    @Test
    void deleteGivenExtraColumnsOnlyUsesTheKey() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "a", "qty", 1));
            op.checkpoint(State.empty());
            op.delete("items", row("id", 1, "name", "zzz"));
        });
        assertThat(items(h)).containsExactly(r(1L, "a", 1, true));
    }

    @Test
    void deleteMissingAKeyColumnFailsNamingTableAndColumn() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "a"));
            op.checkpoint(State.empty().put("n", 1));
        });
        String message = h.fails(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 2, "name", "b"));
            op.delete("items", row("name", "a"));
        });
        assertThat(message).contains("delete()").contains("'items'").contains("'id'");
        assertThat(h.rows("SELECT id, name FROM tester.items")).containsExactly(r(1L, "a"));
        assertThat(h.stateJson()).isEqualTo("{\"n\":1}");
    }

    @Test
    void deleteWithANullKeyValueFails() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 1, "name", "a")));
        String message = h.fails(ITEMS, (s, op) -> op.delete("items", row("id", null)));
        assertThat(message).contains("'items'").contains("'id'");
    }

    @Test
    void updateMissingAKeyColumnFailsNamingTableAndColumn() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 1, "name", "a")));
        String message = h.fails(ITEMS, (s, op) -> op.update("items", row("name", "b")));
        assertThat(message).contains("update()").contains("'items'").contains("'id'");
        assertThat(h.rows("SELECT id, name FROM tester.items")).containsExactly(r(1L, "a"));
    }

    @Test
    void upsertMissingAKeyColumnFailsNamingTableAndColumn() {
        SyncHarness h = harness(100);
        String message = h.fails(ITEMS, (s, op) -> op.upsert("items", row("name", "b")));
        assertThat(message).contains("upsert()").contains("'items'").contains("'id'");
    }

    @Test
    void deleteAndUpdateBeforeTheTableExistsStillCheckTheKey() {
        // a declared table whose key type is not declared only exists after its first upsert
        List<Table> schema = List.of(Table.named("late").primaryKey("id").build());
        SyncHarness h = harness(100);
        assertThat(h.fails(schema, (s, op) -> op.delete("late", row("other", 1))))
                .contains("'late'")
                .contains("'id'");
        assertThat(h.fails(schema, (s, op) -> op.update("late", row("other", 1))))
                .contains("'late'")
                .contains("'id'");
        h.ok(schema, (s, op) -> {
            op.delete("late", row("id", 1));
            op.update("late", row("id", 1, "x", 2));
        });
        assertThat(h.tables()).doesNotContain("late");
    }

    private static final List<Table> LINES = List.of(Table.named("order_lines")
            .primaryKey("order_id", "line")
            .column("line", DataType.INT)
            .build());

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 4, 100_000})
    void compositeKeys(int flushRows) {
        SyncHarness h = harness(flushRows);
        h.ok(LINES, (s, op) -> {
            op.upsert("order_lines", row("order_id", "A", "line", 1, "sku", "x"));
            op.upsert("order_lines", row("order_id", "A", "line", 2, "sku", "y"));
            op.upsert("order_lines", row("order_id", "B", "line", 1, "sku", "z"));
            op.upsert("order_lines", row("order_id", "B", "line", 1, "sku", "z2"));
            op.update("order_lines", row("order_id", "A", "line", 2, "sku", "y2"));
            op.delete("order_lines", row("order_id", "A", "line", 1));
            op.delete("order_lines", row("order_id", "B", "line", 2));
        });
        assertThat(h.rows("SELECT order_id, line, sku, _fivetran_deleted FROM tester.order_lines ORDER BY 1, 2"))
                .containsExactly(r("A", 1, "x", true), r("A", 2, "y2", false), r("B", 1, "z2", false));
        assertThat(h.primaryKey("order_lines")).containsExactly("order_id", "line");
        assertThat(h.columnTypes("order_lines"))
                .containsEntry("order_id", "VARCHAR")
                .containsEntry("line", "INTEGER");

        String message = h.fails(LINES, (s, op) -> op.delete("order_lines", row("order_id", "A")));
        assertThat(message).contains("'order_lines'").contains("'line'");
    }

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 3, 100_000})
    void truncateSoftDeletesOnlyRowsWrittenBeforeIt(int flushRows) {
        SyncHarness h = harness(flushRows);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "old1"));
            op.upsert("items", row("id", 2, "name", "old2"));
            op.checkpoint(State.empty());
        });
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 3, "name", "this sync, before"));
            op.upsert("items", row("id", 4, "name", "this sync, before"));
            op.truncate("items");
            op.upsert("items", row("id", 2, "name", "revived"));
            op.upsert("items", row("id", 5, "name", "after"));
            op.upsert("items", row("id", 6, "name", "after"));
            op.update("items", row("id", 6, "qty", 66));
            op.upsert("items", row("id", 7, "name", "after"));
            op.delete("items", row("id", 7));
        });
        assertThat(h.rows("SELECT id, name, qty, _fivetran_deleted FROM tester.items ORDER BY id"))
                .containsExactly(
                        r(1L, "old1", null, true),
                        r(2L, "revived", null, false),
                        r(3L, "this sync, before", null, true),
                        r(4L, "this sync, before", null, true),
                        r(5L, "after", null, false),
                        r(6L, "after", 66, false),
                        r(7L, "after", null, true));
    }

    @ParameterizedTest(name = "flushRows={0}")
    @ValueSource(ints = {1, 3, 100_000})
    void interleavedOperationsOnOneKeyAroundATruncate(int flushRows) {
        SyncHarness h = harness(flushRows);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "v1", "qty", 1));
            op.update("items", row("id", 1, "qty", 2));
            op.delete("items", row("id", 1));
            op.upsert("items", row("id", 1, "name", "v2"));
            op.update("items", row("id", 1, "qty", 3));
            op.upsert("items", row("id", 2, "name", "w1"));
            op.truncate("items");
            op.update("items", row("id", 2, "qty", 20)); // the truncated row keeps its flag, gets the value
            op.upsert("items", row("id", 1, "name", "v3"));
            op.update("items", row("id", 1, "qty", 4));
            op.delete("items", row("id", 1));
            op.upsert("items", row("id", 1, "name", "v4"));
            op.update("items", row("id", 1, "qty", 5));
            op.upsert("items", row("id", 3, "name", "x"));
            op.delete("items", row("id", 3));
            op.truncate("items");
            op.upsert("items", row("id", 3, "name", "x2"));
        });
        assertThat(items(h)).containsExactly(r(1L, "v4", 5, true), r(2L, "w1", 20, true), r(3L, "x2", null, false));
    }

    @Test
    void truncateOfAnUnknownOrEmptyTableIsHarmless() {
        SyncHarness h = harness(100);
        SyncResult result = h.ok(ITEMS, (s, op) -> {
            op.truncate("items");
            op.truncate("never_written");
            op.upsert("items", row("id", 1, "name", "a"));
        });
        assertThat(items(h)).containsExactly(r(1L, "a", null, false));
        assertThat(result.metrics().truncates()).isEqualTo(2);
    }

    @Test
    void truncateMarksRowsWithTheTruncateTime() {
        SyncHarness h = harness(100);
        h.ok(ITEMS, (s, op) -> op.upsert("items", row("id", 1, "name", "a")));
        Object before = h.value("SELECT _fivetran_synced FROM tester.items");
        h.ok(ITEMS, (s, op) -> {
            Thread.sleep(5);
            op.truncate("items");
        });
        Object after = h.value("SELECT _fivetran_synced FROM tester.items");
        assertThat(after).isNotEqualTo(before);
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE _fivetran_deleted"))
                .isEqualTo(1);
    }

    @Test
    void sameKeyUpsertedManyTimesKeepsTheLast() {
        SyncHarness h = harness(100_000);
        h.ok(ITEMS, (s, op) -> {
            for (int i = 0; i < 5_000; i++) {
                op.upsert("items", row("id", i % 10, "name", "n" + i, "qty", i));
            }
        });
        List<List<Object>> expected = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            expected.add(r((long) k, "n" + (4990 + k), 4990 + k, false));
        }
        assertThat(items(h)).containsExactlyElementsOf(expected);

        SyncHarness small = new SyncHarness(dir.resolve("small")).flushRows(3);
        small.ok(ITEMS, (s, op) -> {
            for (int i = 0; i < 100; i++) {
                op.upsert("items", row("id", 1, "name", "n" + i, "qty", i));
            }
        });
        assertThat(items(small)).containsExactly(r(1L, "n99", 99, false));
    }

    record Person(long id, String firstName, int age, java.time.LocalDate born) {}

    @Test
    void upsertOfAJavaRecord() {
        SyncHarness h = harness(100);
        h.ok(
                List.of(Table.fromRecord("people", Person.class).toBuilder()
                        .primaryKey("id")
                        .build()),
                (s, op) -> {
                    op.upsert("people", new Person(1, "Ada", 36, java.time.LocalDate.of(1815, 12, 10)));
                    op.upsert("people", new Person(2, "Alan", 41, null));
                });
        assertThat(h.columnTypes("people"))
                .containsEntry("id", "BIGINT")
                .containsEntry("first_name", "VARCHAR")
                .containsEntry("age", "INTEGER")
                .containsEntry("born", "DATE");
        assertThat(h.rows("SELECT id, first_name, age, born::VARCHAR FROM tester.people ORDER BY id"))
                .containsExactly(r(1L, "Ada", 36, "1815-12-10"), r(2L, "Alan", 41, null));
    }

    @Test
    void undeclaredRecordIsInferred() {
        SyncHarness h = harness(100);
        h.ok((s, op) -> op.upsert("people", new Person(7, "Grace", 85, null)));
        assertThat(h.rows("SELECT id, first_name, age FROM tester.people")).containsExactly(r(7L, "Grace", 85));
        assertThat(h.columnTypes("people"))
                .containsKeys("_fivetran_id", "id", "first_name", "age")
                .doesNotContainKey("born");
    }

    @Test
    void keylessTablesGetAFivetranIdAndIdenticalRowsCollapse() {
        SyncHarness h = harness(2);
        h.ok((s, op) -> {
            op.upsert("events", row("kind", "click", "n", 1));
            op.upsert("events", row("kind", "click", "n", 1));
            op.upsert("events", row("n", 1, "kind", "click"));
            op.upsert("events", row("kind", "view", "n", 1));
            op.upsert("events", row("kind", "view", "n", 1, "extra", null));
        });
        assertThat(h.primaryKey("events")).containsExactly("_fivetran_id");
        assertThat(h.columnTypes("events"))
                .containsEntry("_fivetran_id", "VARCHAR")
                .containsKeys("_fivetran_synced", "_fivetran_deleted");
        assertThat(h.rows("SELECT kind, n FROM tester.events ORDER BY kind"))
                .containsExactly(r("click", 1), r("view", 1));
        assertThat(h.query("SELECT _fivetran_id FROM tester.events"))
                .allSatisfy(row -> assertThat((String) row.get("_fivetran_id")).matches("[0-9a-f]{32}"));
        List<List<Object>> ids = h.rows("SELECT _fivetran_id FROM tester.events ORDER BY kind");

        h.ok((s, op) -> {
            op.upsert("events", row("kind", "click", "n", 1));
            op.upsert("events", row("kind", "click", "n", 2));
        });
        assertThat(h.rows("SELECT kind, n FROM tester.events ORDER BY kind, n"))
                .containsExactly(r("click", 1), r("click", 2), r("view", 1));
        assertThat(h.rows("SELECT _fivetran_id FROM tester.events WHERE n = 1 ORDER BY kind"))
                .isEqualTo(ids);

        // a column added later (NULL in old rows) does not change the ids of rows without it
        h.ok((s, op) -> {
            op.upsert("events", row("kind", "other", "n", 3, "extra", "e"));
            op.upsert("events", row("kind", "view", "n", 1));
        });
        assertThat(h.count("SELECT count(*) FROM tester.events")).isEqualTo(4);
        assertThat(h.count("SELECT count(*) FROM tester.events WHERE _fivetran_deleted"))
                .isZero();
    }

    @Test
    void keylessRowsKeepCollapsingAfterTheirColumnsWiden() {
        SyncHarness h = harness(100);
        h.ok((s, op) ->
                op.upsert("m", row("n", 1, "d", java.time.LocalDate.of(2024, 1, 2), "big", 100_000_000_000_000_000L)));
        h.ok((s, op) -> op.upsert("m", row("n", 2.5, "d", java.time.LocalDateTime.of(2024, 1, 3, 4, 5), "big", 0.5)));
        assertThat(h.columnTypes("m"))
                .containsEntry("n", "DOUBLE")
                .containsEntry("d", "TIMESTAMP")
                .containsEntry("big", "DOUBLE");
        h.ok((s, op) -> {
            op.upsert("m", row("n", 1, "d", java.time.LocalDate.of(2024, 1, 2), "big", 100_000_000_000_000_000L));
            op.upsert("m", row("n", 2.5, "d", java.time.LocalDateTime.of(2024, 1, 3, 4, 5), "big", 0.5));
        });
        assertThat(h.rows("SELECT n, d::VARCHAR, big FROM tester.m ORDER BY n"))
                .containsExactly(r(1.0, "2024-01-02 00:00:00", 1.0E17), r(2.5, "2024-01-03 04:05:00", 0.5));
    }

    @Test
    void truncateOfAKeylessTable() {
        SyncHarness h = harness(100);
        h.ok((s, op) -> {
            op.upsert("log", row("m", "a"));
            op.upsert("log", row("m", "b"));
            op.truncate("log");
            op.upsert("log", row("m", "b"));
            op.upsert("log", row("m", "c"));
        });
        assertThat(h.rows("SELECT m, _fivetran_deleted FROM tester.log ORDER BY m"))
                .containsExactly(r("a", true), r("b", false), r("c", false));
    }

    @Test
    void updateAndDeleteOnAKeylessTableFailClearly() {
        SyncHarness h = harness(100);
        h.ok((s, op) -> {
            op.upsert("log", row("m", "a"));
            op.checkpoint(State.empty().put("c", 1));
        });
        String update = h.fails((s, op) -> op.update("log", row("m", "a")));
        assertThat(update)
                .contains("update()")
                .contains("'log'")
                .contains("no primary key")
                .contains("primaryKey(");
        String delete = h.fails((s, op) -> op.delete("log", row("m", "a")));
        assertThat(delete).contains("delete()").contains("'log'").contains("no primary key");
        String neverSeen = h.fails((s, op) -> op.delete("nothing_yet", row("m", "a")));
        assertThat(neverSeen).contains("'nothing_yet'").contains("no primary key");
        assertThat(h.rows("SELECT m, _fivetran_deleted FROM tester.log")).containsExactly(r("a", false));
    }

    @Test
    void operationsFromSeveralThreadsAllLand() throws Exception {
        SyncHarness h = harness(5_000);
        int threads = 4;
        int perThread = 10_000;
        SyncResult result = h.ok(ITEMS, (s, op) -> {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            long id = (long) thread * perThread + i;
                            op.upsert("items", row("id", id, "name", "t" + thread, "qty", i));
                            if (i % 100 == 0) {
                                op.update("items", row("id", id, "qty", -i));
                            }
                            if (i % 1000 == 1) {
                                op.delete("items", row("id", id));
                            }
                        }
                        op.upsert("events_" + thread, row("thread", thread));
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdown();
            }
            op.checkpoint(State.empty().put("done", true));
        });
        assertThat(h.count("SELECT count(*) FROM tester.items")).isEqualTo((long) threads * perThread);
        assertThat(h.count("SELECT count(DISTINCT id) FROM tester.items")).isEqualTo((long) threads * perThread);
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE _fivetran_deleted"))
                .isEqualTo(threads * 10L);
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE qty < 0")).isEqualTo(threads * 99L);
        long expectedSum = 0;
        for (int i = 0; i < perThread; i++) {
            expectedSum += i % 100 == 0 ? -i : i;
        }
        assertThat(h.count("SELECT sum(qty) FROM tester.items")).isEqualTo(threads * expectedSum);
        for (int t = 0; t < threads; t++) {
            assertThat(h.count("SELECT count(*) FROM tester.items WHERE name = 't" + t + "'"))
                    .isEqualTo(perThread);
            assertThat(h.rows("SELECT thread FROM tester.events_" + t)).containsExactly(r(t));
        }
        assertThat(result.metrics().upserts()).isEqualTo((long) threads * perThread + threads);
        assertThat(result.metrics().updates()).isEqualTo(threads * 100L);
        assertThat(result.metrics().deletes()).isEqualTo(threads * 10L);
        assertThat(h.stateJson()).isEqualTo("{\"done\":true}");
    }

    @Test
    void systemColumnsAreWrittenForEveryRow() {
        SyncHarness h = harness(100);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        h.ok(ITEMS, (s, op) -> {
            op.upsert("items", row("id", 1, "name", "a"));
            op.upsert("free", row("x", 1));
        });
        java.time.Instant after = java.time.Instant.now().plusSeconds(1);
        assertThat(h.columnTypes("items"))
                .containsEntry("_fivetran_synced", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("_fivetran_deleted", "BOOLEAN")
                .doesNotContainKey("_fivetran_id");
        assertThat(h.columnTypes("free"))
                .containsEntry("_fivetran_synced", "TIMESTAMP WITH TIME ZONE")
                .containsEntry("_fivetran_deleted", "BOOLEAN")
                .containsEntry("_fivetran_id", "VARCHAR");
        for (String table : List.of("items", "free")) {
            Map<String, Object> row = h.query(
                            "SELECT epoch_ms(_fivetran_synced) AS ms, _fivetran_deleted AS d FROM tester." + table)
                    .get(0);
            assertThat(((Number) row.get("ms")).longValue()).isBetween(before.toEpochMilli(), after.toEpochMilli());
            assertThat(row.get("d")).isEqualTo(false);
        }
    }

    @Test
    void manyUpsertsOfExistingKeysInOneCheckpointIntervalReplaceTheRows() {
        // past 200,000 merged rows in one transaction, upserts of existing keys delete and re-append
        // instead of MERGE (bounded memory); both paths must give the same rows
        int n = 260_000;
        SyncHarness h = harness(100_000);
        h.ok(ITEMS, (s, op) -> {
            for (long id = 0; id < n; id++) {
                op.upsert("items", row("id", id, "name", "v1", "qty", 1));
            }
            op.delete("items", row("id", 7L));
        });
        h.ok(ITEMS, (s, op) -> {
            for (long id = 0; id < n; id++) {
                op.upsert("items", id % 2 == 0 ? row("id", id, "name", "v2", "qty", 2) : row("id", id, "name", "v2"));
            }
        });
        assertThat(h.count("SELECT count(*) FROM tester.items")).isEqualTo(n);
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE name = 'v2' AND NOT _fivetran_deleted"))
                .isEqualTo(n);
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE qty IS NULL"))
                .isEqualTo(n / 2);
        assertThat(h.count("SELECT count(DISTINCT id) FROM tester.items")).isEqualTo(n);
        assertThat(
                        h.rows(
                                "SELECT id, name, qty, _fivetran_deleted FROM tester.items WHERE id IN (7, 259998) ORDER BY id"))
                .containsExactly(r(7L, "v2", null, false), r(259_998L, "v2", 2, false));
    }
}
