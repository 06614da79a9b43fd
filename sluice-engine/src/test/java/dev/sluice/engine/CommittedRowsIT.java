package dev.sluice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.report.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed sync reports, per table, the operations that the destination committed before the
 * failure (with a checkpoint or by a commit without state) apart from those it rolled back, and its
 * summary says so instead of claiming every written row.
 */
class CommittedRowsIT {

    @TempDir
    Path dir;

    @Test
    void aFailureAfterACheckpointReportsOnlyTheCheckpointedRowsAsCommitted() {
        SyncHarness h = new SyncHarness(dir);

        String message = h.fails((state, op) -> {
            op.upsert("things", Map.of("id", 1));
            op.upsert("others", Map.of("id", 1));
            op.checkpoint(state.put("at", 1));
            op.upsert("things", Map.of("id", 2));
            throw new IllegalStateException("boom");
        });
        SyncResult result = h.sync((state, op) -> {
            op.upsert("things", Map.of("id", 3));
            op.checkpoint(state.put("at", 3));
            op.upsert("things", Map.of("id", 4));
            op.upsert("late", Map.of("id", 1));
            throw new IllegalStateException("boom again");
        });

        assertThat(message).contains("boom");
        assertThat(result.metrics().rowsPerTable()).isEqualTo(Map.of("things", 2L, "late", 1L));
        assertThat(result.metrics().committedRowsPerTable()).isEqualTo(Map.of("things", 1L, "late", 0L));
        assertThat(h.count("SELECT count(*) FROM tester.things")).isEqualTo(2);
        assertThat(summary(result))
                .contains("ROWS PER TABLE:               committed  rolled back")
                .containsPattern("\\n  late +0 +1\\n")
                .containsPattern("\\n  things +1 +1\\n")
                .contains("Sync FAILED: ");
    }

    @Test
    void aSucceededSyncPrintsTheRowsWithoutTheSplit() {
        SyncResult result = new SyncHarness(dir).ok((state, op) -> op.upsert("things", Map.of("id", 1)));

        assertThat(result.metrics().committedRowsPerTable()).isEqualTo(Map.of("things", 1L));
        assertThat(summary(result)).contains("ROWS PER TABLE:\n").doesNotContain("rolled back");
    }

    private static String summary(SyncResult result) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SyncReport.printSummary(result, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
