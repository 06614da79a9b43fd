package dev.sluice.engine;

import static dev.sluice.engine.SyncHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random sequences of upsert, update, delete, truncate and checkpoint over a few keys, across
 * several syncs (some of which fail), compared with an in-memory model of Fivetran's semantics.
 */
class RandomOperationsIT {

    private static final List<Table> SCHEMA = List.of(Table.named("t")
            .primaryKey("k")
            .column("k", DataType.INT)
            .column("a", DataType.STRING)
            .column("b", DataType.INT)
            .build());

    @TempDir
    Path dir;

    /** A model row: a, b, deleted. */
    private static Object[] copy(Object[] row) {
        return row.clone();
    }

    private static TreeMap<Integer, Object[]> copy(TreeMap<Integer, Object[]> table) {
        TreeMap<Integer, Object[]> copy = new TreeMap<>();
        table.forEach((k, v) -> copy.put(k, copy(v)));
        return copy;
    }

    @ParameterizedTest(name = "seed={0} flushRows={1}")
    @CsvSource({"1,1", "2,3", "3,7", "4,1000", "5,2", "6,5", "7,64", "8,100000"})
    void randomOperationsMatchTheModel(long seed, int flushRows) {
        Random random = new Random(seed);
        SyncHarness h = new SyncHarness(dir).flushRows(flushRows);
        TreeMap<Integer, Object[]> committed = new TreeMap<>();
        for (int sync = 0; sync < 4; sync++) {
            boolean fail = random.nextInt(3) == 0;
            TreeMap<Integer, Object[]> live = copy(committed);
            TreeMap<Integer, Object[]>[] lastCheckpoint = new TreeMap[] {copy(committed)};
            List<String> log = new ArrayList<>();
            int ops = 80 + random.nextInt(80);
            SyncResult result = h.sync(SCHEMA, (s, op) -> {
                for (int i = 0; i < ops; i++) {
                    int k = random.nextInt(6);
                    int kind = random.nextInt(100);
                    if (kind < 40) {
                        Map<String, Object> row = row("k", k);
                        Object a = random.nextBoolean() ? "a" + random.nextInt(1000) : null;
                        Object b = random.nextBoolean() ? random.nextInt(1000) : null;
                        if (a != null || random.nextBoolean()) {
                            row.put("a", a);
                        }
                        if (b != null || random.nextBoolean()) {
                            row.put("b", b);
                        }
                        op.upsert("t", row);
                        live.put(k, new Object[] {a, b, false});
                        log.add("upsert " + row);
                    } else if (kind < 70) {
                        Map<String, Object> row = row("k", k);
                        boolean setA = random.nextBoolean();
                        boolean setB = !setA || random.nextBoolean();
                        Object a = random.nextInt(4) == 0 ? null : "u" + random.nextInt(1000);
                        Object b = random.nextInt(4) == 0 ? null : random.nextInt(1000);
                        if (setA) {
                            row.put("a", a);
                        }
                        if (setB) {
                            row.put("b", b);
                        }
                        op.update("t", row);
                        Object[] current = live.get(k);
                        if (current != null) {
                            if (setA) {
                                current[0] = a;
                            }
                            if (setB) {
                                current[1] = b;
                            }
                        }
                        log.add("update " + row);
                    } else if (kind < 88) {
                        op.delete("t", row("k", k));
                        Object[] current = live.get(k);
                        if (current != null) {
                            current[2] = true;
                        }
                        log.add("delete " + k);
                    } else if (kind < 93) {
                        op.truncate("t");
                        live.values().forEach(v -> v[2] = true);
                        log.add("truncate");
                    } else {
                        op.checkpoint(s.put("i", i));
                        lastCheckpoint[0] = copy(live);
                        log.add("checkpoint");
                    }
                }
                if (fail) {
                    throw new IllegalStateException("planned failure");
                }
            });
            assertThat(result.succeeded())
                    .as("sync %d: %s", sync, result.failureMessage())
                    .isEqualTo(!fail);
            committed = fail ? lastCheckpoint[0] : live;
            List<List<Object>> expected = new ArrayList<>();
            committed.forEach((k, v) -> expected.add(Arrays.asList(k, v[0], v[1], v[2])));
            if (!h.tables().contains("t")) {
                assertThat(expected)
                        .as("the table was rolled back with the first sync")
                        .isEmpty();
                continue;
            }
            assertThat(h.rows("SELECT k, a, b, _fivetran_deleted FROM tester.t ORDER BY k"))
                    .as(
                            "sync %d (seed %d, flushRows %d, failed %s), operations:%n%s",
                            sync, seed, flushRows, fail, String.join("\n", log))
                    .isEqualTo(expected);
        }
    }
}
