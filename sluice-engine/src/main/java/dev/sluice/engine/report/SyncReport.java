package dev.sluice.engine.report;

import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints the end-of-sync summary in the shape of Fivetran's local tester, plus rows per table. */
public final class SyncReport {

    private SyncReport() {}

    /**
     * Prints the summary: operation counts, rows per table, duration and rows/s, then
     * {@code Sync SUCCEEDED} or {@code Sync FAILED: <reason>}. After a failure the rows per table
     * are split into those committed before it (they are in the destination) and those rolled back.
     *
     * @param result the finished sync
     * @param out where to print
     */
    public static void printSummary(SyncResult result, PrintStream out) {
        SyncMetrics m = result.metrics();
        out.println();
        out.println("SYNC PROGRESS:");
        row(out, "Upserts", m.upserts());
        row(out, "Updates", m.updates());
        row(out, "Deletes", m.deletes());
        row(out, "Truncates", m.truncates());
        row(out, "SchemaChanges", m.schemaChanges());
        row(out, "Checkpoints", m.checkpoints());
        if (m.warnings() > 0) {
            row(out, "Warnings", m.warnings());
        }
        Map<String, Long> tables = m.rowsPerTable();
        if (!tables.isEmpty() && result.succeeded()) {
            out.println();
            out.println("ROWS PER TABLE:");
            tables.forEach((table, rows) -> row(out, table, rows));
        } else if (!tables.isEmpty()) {
            Map<String, Long> committed = m.committedRowsPerTable();
            out.println();
            out.printf(Locale.ROOT, "ROWS PER TABLE:%24s %12s%n", "committed", "rolled back");
            tables.forEach((table, rows) -> {
                long kept = committed.getOrDefault(table, 0L);
                out.printf(Locale.ROOT, "  %-24s %,12d %,12d%n", table, kept, Math.max(rows - kept, 0));
            });
        }
        out.println();
        double seconds = result.duration().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "Duration: %.2f s, %,.0f rows/s%n", seconds, result.rowsPerSecond());
        if (result.succeeded()) {
            out.println("Sync SUCCEEDED");
        } else {
            out.println("Sync FAILED: " + result.failureMessage());
        }
    }

    private static void row(PrintStream out, String label, long value) {
        out.printf(Locale.ROOT, "  %-24s %,12d%n", label, value);
    }
}
