package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows of 10 kB of text: flushes and commits go by the rows' size, not only their number, and
 * upserts stop merging in place once DuckDB holds much memory it cannot evict, so a sync of
 * several times DuckDB's memory limit, and its re-sync, fit in it.
 */
class WideRowsIT {

    private static final int ROWS = 20_000;
    private static final int COLUMNS = 20;
    private static final int WIDTH = 500;
    private static final List<Table> SCHEMA =
            List.of(Table.named("wide").primaryKey("id").build());

    @TempDir
    Path dir;

    @Test
    void aSyncAndAReSyncOfRowsMuchLargerThanDuckDbsMemoryLimitSucceed() {
        SyncHarness h = new SyncHarness(dir).memoryLimit("128MB");
        for (String version : List.of("first", "second")) {
            SyncResult result = h.sync(SCHEMA, (state, op) -> {
                for (long id = 0; id < ROWS; id++) {
                    op.upsert("wide", row(id, version));
                }
                op.checkpoint(state.put("version", version));
            });
            assertThat(result.failureMessage()).as(version + " sync").isNull();
        }
        assertThat(h.count("SELECT count(*) FROM tester.wide")).isEqualTo(ROWS);
        assertThat(h.count("SELECT count(*) FROM tester.wide WHERE starts_with(c0, 'second-' || id || '-')"))
                .isEqualTo(ROWS);
        assertThat(h.count("SELECT sum(length(c7)) FROM tester.wide")).isEqualTo((long) ROWS * WIDTH);
    }

    private static Map<String, Object> row(long id, String version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        String prefix = version + "-" + id + "-";
        for (int column = 0; column < COLUMNS; column++) {
            StringBuilder text = new StringBuilder(WIDTH).append(prefix);
            while (text.length() < WIDTH) {
                text.append((char) ('a' + (text.length() * 31 + column + id) % 26));
            }
            row.put("c" + column, text.toString());
        }
        return row;
    }
}
