package dev.sluice.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of a running sync. Thread-safe: the sync updates them while others read them
 * (for a progress line). Counts are of operation calls, as in Fivetran's summary; rows per table
 * count upserts, updates and deletes by destination table name.
 */
public final class SyncMetrics {

    private final LongAdder upserts = new LongAdder();
    private final LongAdder updates = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder truncates = new LongAdder();
    private final LongAdder schemaChanges = new LongAdder();
    private final LongAdder checkpoints = new LongAdder();
    private final LongAdder warnings = new LongAdder();
    private final Map<String, LongAdder> rowsPerTable = new ConcurrentHashMap<>();
    private final Map<String, Long> committedRowsPerTable = new ConcurrentHashMap<>();

    /** @param table destination table name */
    public void upserted(String table) {
        upserts.increment();
        rows(table).increment();
    }

    /** @param table destination table name */
    public void updated(String table) {
        updates.increment();
        rows(table).increment();
    }

    /** @param table destination table name */
    public void deleted(String table) {
        deletes.increment();
        rows(table).increment();
    }

    /** @param table destination table name */
    public void truncated(String table) {
        truncates.increment();
        rows(table);
    }

    /** Counts a created table, an added column or a widened column type. */
    public void schemaChanged() {
        schemaChanges.increment();
    }

    /** Counts a durable checkpoint. */
    public void checkpointed() {
        checkpoints.increment();
    }

    /** Counts a warning. */
    public void warned() {
        warnings.increment();
    }

    /**
     * Registers a table with no rows yet, so it shows in the summary.
     *
     * @param table destination table name
     */
    public void tableSeen(String table) {
        rows(table);
    }

    /**
     * Records that the destination committed rows of a table: called after each successful commit
     * with the operations it applied since the previous one.
     *
     * @param table destination table name
     * @param rows upserts, updates and deletes of that table the commit made durable
     */
    public void committed(String table, long rows) {
        committedRowsPerTable.merge(table, rows, Long::sum);
    }

    private LongAdder rows(String table) {
        LongAdder adder = rowsPerTable.get(table);
        return adder != null ? adder : rowsPerTable.computeIfAbsent(table, t -> new LongAdder());
    }

    /** @return upsert calls */
    public long upserts() {
        return upserts.sum();
    }

    /** @return update calls */
    public long updates() {
        return updates.sum();
    }

    /** @return delete calls */
    public long deletes() {
        return deletes.sum();
    }

    /** @return truncate calls */
    public long truncates() {
        return truncates.sum();
    }

    /** @return tables created, columns added and types widened */
    public long schemaChanges() {
        return schemaChanges.sum();
    }

    /** @return durable checkpoints */
    public long checkpoints() {
        return checkpoints.sum();
    }

    /** @return warnings */
    public long warnings() {
        return warnings.sum();
    }

    /** @return upserts + updates + deletes */
    public long totalRows() {
        return upserts() + updates() + deletes();
    }

    /**
     * What a failed sync left in the destination: of {@link #rowsPerTable()}, the operations that
     * were committed (with a checkpoint, or by a commit without state along the way) before it
     * failed; the others were rolled back.
     *
     * @return a snapshot of committed rows per destination table, sorted by name, every table of
     *     {@link #rowsPerTable()} included (0 when none of its rows was committed)
     */
    public Map<String, Long> committedRowsPerTable() {
        Map<String, Long> snapshot = new TreeMap<>();
        rowsPerTable.keySet().forEach(table -> snapshot.put(table, 0L));
        snapshot.putAll(committedRowsPerTable);
        return snapshot;
    }

    /** @return a snapshot of rows per destination table, sorted by name */
    public Map<String, Long> rowsPerTable() {
        Map<String, Long> snapshot = new TreeMap<>();
        rowsPerTable.forEach((table, adder) -> snapshot.put(table, adder.sum()));
        return snapshot;
    }
}
