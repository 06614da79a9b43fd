package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sdk.DataType;
import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-sync that upserts more rows than the engine merges in place per connection: the connection
 * is reopened at checkpoints, a table the same sync creates keeps streaming across the reopen, and
 * past the merge budget upserts delete and re-insert; every key ends once, with its last values.
 */
class BulkResyncIT {

    private static final int ROWS = 260_000;

    @TempDir
    Path dir;

    @Test
    void resyncAcrossConnectionReopensKeepsOneRowPerKeyWithTheLastValues() {
        SyncHarness h = new SyncHarness(dir);
        List<Table> schema = List.of(Table.named("items")
                .primaryKey("id")
                .column("id", DataType.LONG)
                .column("v", DataType.STRING)
                .build());
        SyncResult first = h.sync(() -> schema, (state, op) -> {
            for (long id = 0; id < ROWS; id++) {
                op.upsert("items", Map.of("id", id, "v", "first-" + id));
            }
            op.checkpoint(state.put("done", true));
        });
        assertThat(first.succeeded()).as(first.failureMessage()).isTrue();

        SyncResult second = h.sync(() -> schema, (state, op) -> {
            for (long id = 0; id < ROWS; id++) {
                op.upsert("items", Map.of("id", id, "v", "second-" + id));
                op.upsert("fresh", Map.of("id", id, "n", id % 7));
                if ((id + 1) % 40_000 == 0) {
                    op.checkpoint(state.put("at", id));
                }
            }
            op.upsert("items", Map.of("id", 5L, "v", "last"));
            op.checkpoint(state.put("at", "end"));
        });
        assertThat(second.succeeded()).as(second.failureMessage()).isTrue();

        assertThat(h.count("SELECT count(*) FROM tester.items")).isEqualTo(ROWS);
        assertThat(h.count("SELECT count(DISTINCT id) FROM tester.items")).isEqualTo(ROWS);
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE v = 'second-' || id"))
                .isEqualTo(ROWS - 1);
        assertThat(h.value("SELECT v FROM tester.items WHERE id = 5")).isEqualTo("last");
        assertThat(h.count("SELECT count(*) FROM tester.items WHERE _fivetran_deleted"))
                .isZero();
        assertThat(h.count("SELECT count(DISTINCT _fivetran_id) FROM tester.fresh"))
                .isEqualTo(ROWS);
    }
}
