package dev.sluice.engine.duckdb;

import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.ColumnType;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.warehouse.Sql;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.SyncException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;

/**
 * Writes one destination table: its DDL, and its row operations in bulk, applied at each flush in
 * the order they were made, one set-based step per run of same-kind operations. Rows are never held
 * on the Java heap: an {@link Operation#APPEND} (an upsert that {@link FreshKeys} found new to a
 * table this sync created) goes straight into the table through a DuckDB Appender; every other
 * operation goes through an Appender into a TEMP staging table (columns {@code _seq}, {@code _op},
 * {@code _mask}, then the data columns by position) and is applied at the flush: upserts by one
 * MERGE while fewer than {@value #MERGE_BUDGET_ROWS} rows were merged since the connection opened
 * and DuckDB holds less than a third of its memory limit that it cannot evict, else by DELETE +
 * INSERT, keeping the last row of a key staged twice; updates and deletes with
 * {@code UPDATE ... FROM}. Runs in the warehouse's open transaction, on one thread.
 */
public final class TableWriter implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TableWriter.class);

    /**
     * A run of same-kind operations: staged rows from sequence number {@code first} up to the next
     * segment's first (or the next sequence number to be given). An upsert segment also counts its
     * staged rows and notes whether it staged a key twice.
     */
    private static final class Segment {
        final Operation op;
        final long first;
        final WrittenKeys stagedKeys;
        long staged;
        boolean repeatsKey;

        Segment(Operation op, long first) {
            this.op = op;
            this.first = first;
            this.stagedKeys = op == Operation.UPSERT ? new WrittenKeys() : null;
        }
    }

    private static final int MAX_SEGMENTS = 64;
    private static final long MERGE_BUDGET_ROWS = 1_000_000;
    /** Rows merged since the connection opened past which a checkpoint reopens it. */
    public static final long REOPEN_AFTER_MERGED_ROWS = 100_000;
    private static final int SYNCED_SLOT = -1;
    private static final int DELETED_SLOT = -2;

    private final Warehouse warehouse;
    private final TableModel table;
    private final String target;
    private final String stage;
    private final List<Segment> segments = new ArrayList<>();
    private DuckDBAppender appender;
    private RowAppender[] columnAppenders;
    private DuckDBAppender targetAppender;
    private int[] targetLayout;
    private RowAppender[] targetAppenders;
    private boolean stageExists;
    private boolean targetEmpty;
    private boolean changedInTransaction;
    private long merged;
    private final long mergeBudgetRows;
    private int[] keyPositions;
    private Instant lastSynced;
    private long lastSyncedMicros;
    private long nextSeq;
    private int pending;

    /**
     * @param warehouse the open warehouse
     * @param table the table's model
     * @param stageNumber a number unique among the sync's tables, for the stage's name
     */
    public TableWriter(Warehouse warehouse, TableModel table, int stageNumber) {
        this(warehouse, table, stageNumber, MERGE_BUDGET_ROWS);
    }

    TableWriter(Warehouse warehouse, TableModel table, int stageNumber, long mergeBudgetRows) {
        this.mergeBudgetRows = mergeBudgetRows;
        this.warehouse = warehouse;
        this.table = table;
        this.target = Sql.quote(Warehouse.SCHEMA) + "." + Sql.quote(table.name());
        this.stage = "_sluice_stage_" + stageNumber;
    }

    /** @return the table's model */
    public TableModel table() {
        return table;
    }

    /**
     * Creates the table with its data columns and system columns. Its primary key is added by
     * {@link #addDeferredPrimaryKey()} when the sync ends (rows are unique by key all along).
     */
    public void createTable() {
        warehouse.execute("CREATE TABLE " + target + " (" + columnDefinitions(false) + ")");
        warehouse.deferPrimaryKey(table);
        table.markKeyPending();
        for (ColumnModel column : table.columns()) {
            comment(column);
        }
        table.markCreated();
        targetEmpty = true;
    }

    /**
     * Applies staged operations and drops the stage, so that the table model may change. Call
     * before adding a column to the model or changing a column's type.
     *
     * @param synced the write time for the flush
     */
    public void prepareSchemaChange(Instant synced) {
        flush(synced);
        dropStage();
        closeTargetAppender();
    }

    /**
     * Adds a column to the table (existing rows get NULL). Call {@link #prepareSchemaChange} before
     * the model changes.
     *
     * @param column the column, already in the table model
     */
    public void addColumn(ColumnModel column) {
        if (changedInTransaction) {
            rebuild();
            return;
        }
        warehouse.execute("ALTER TABLE " + target + " ADD COLUMN " + Sql.quote(column.name()) + " "
                + column.type().sqlType());
        comment(column);
    }

    /**
     * Widens a column's type, converting existing values. Call {@link #prepareSchemaChange} before
     * the model changes.
     *
     * @param column the column, whose model already holds the new type
     */
    public void changeType(ColumnModel column) {
        if (changedInTransaction) {
            rebuild();
            return;
        }
        warehouse.execute("ALTER TABLE " + target + " ALTER COLUMN " + Sql.quote(column.name()) + " TYPE "
                + column.type().sqlType());
        comment(column);
    }

    /** @return rows merged in place since the warehouse's connection was opened */
    public long mergedSinceOpen() {
        return merged;
    }

    /** Closes the appenders on the warehouse's connection, which is about to be reopened. Call between transactions. */
    public void connectionClosing() {
        closeAppender();
        closeTargetAppender();
        stageExists = false;
        merged = 0;
    }

    /** Tells the writer that the warehouse committed: its changes so far are no longer in the open transaction. */
    public void transactionCommitted() {
        changedInTransaction = false;
    }

    /**
     * Applies the model's columns by copying the table into a new one. DuckDB cannot commit an
     * {@code ALTER TABLE} that follows an UPDATE or DELETE of the same table in one transaction, so
     * a schema change after such changes, before the next checkpoint, rebuilds the table instead.
     */
    private void rebuild() {
        List<String> existing = warehouse.columnNames(Warehouse.SCHEMA, table.name());
        String rebuilt = table.name() + "__sluice_rebuild";
        String rebuiltTarget = Sql.quote(Warehouse.SCHEMA) + "." + Sql.quote(rebuilt);
        StringJoiner select = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            select.add(existing.contains(column.name())
                    ? "CAST(" + Sql.quote(column.name()) + " AS " + column.type().sqlType() + ")"
                    : "CAST(NULL AS " + column.type().sqlType() + ")");
        }
        select.add(Sql.quote(TableModel.SYNCED)).add(Sql.quote(TableModel.DELETED));
        warehouse.execute("CREATE TABLE " + rebuiltTarget + " (" + columnDefinitions(!table.keyPending()) + ")");
        warehouse.execute("INSERT INTO " + rebuiltTarget + " SELECT " + select + " FROM " + target);
        warehouse.execute("DROP TABLE " + target);
        warehouse.execute("ALTER TABLE " + rebuiltTarget + " RENAME TO " + Sql.quote(table.name()));
        for (ColumnModel column : table.columns()) {
            comment(column);
        }
        LOG.info("table {} rebuilt for a schema change after updates in the same checkpoint interval", table.name());
    }

    private String columnDefinitions(boolean withKey) {
        StringJoiner columns = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            columns.add(Sql.quote(column.name()) + " " + column.type().sqlType()
                    + (table.isKey(column) ? " NOT NULL" : ""));
        }
        columns.add(Sql.quote(TableModel.SYNCED) + " TIMESTAMPTZ NOT NULL");
        columns.add(Sql.quote(TableModel.DELETED) + " BOOLEAN NOT NULL DEFAULT false");
        if (withKey) {
            StringJoiner key = new StringJoiner(", ", "PRIMARY KEY (", ")");
            table.keyNames().forEach(k -> key.add(Sql.quote(k)));
            columns.add(key.toString());
        }
        return columns.toString();
    }

    private void comment(ColumnModel column) {
        DataType type = column.type().type();
        boolean tagged = type == DataType.JSON || type == DataType.XML;
        warehouse.execute("COMMENT ON COLUMN " + target + "." + Sql.quote(column.name()) + " IS "
                + (tagged ? Sql.literal(Warehouse.TYPE_COMMENT + type.name()) : "NULL"));
    }

    /**
     * Writes or stages one operation.
     *
     * @param op the operation
     * @param values canonical values by column position (missing trailing positions are NULL)
     * @param mask for updates, {@code '1'} at each position the update sets; else null
     * @param synced the write time of the row, and of a flush should this append trigger one
     */
    public void append(Operation op, Object[] values, String mask, Instant synced) {
        if (op == Operation.APPEND) {
            appendToTarget(values, synced);
            pending++;
            return;
        }
        if (segments.isEmpty() || segments.get(segments.size() - 1).op != op) {
            if (segments.size() >= MAX_SEGMENTS) {
                flush(synced);
            }
            segments.add(new Segment(op, nextSeq));
        }
        if (op == Operation.UPSERT) {
            Segment segment = segments.get(segments.size() - 1);
            Object key = WrittenKeys.keyOf(values, keyPositions());
            if (!segment.stagedKeys.add(key)) {
                segment.repeatsKey = true;
            }
            segment.staged++;
        }
        ensureStage();
        try {
            appender.beginRow().append(nextSeq).append((byte) op.ordinal());
            if (mask == null) {
                appender.appendNull();
            } else {
                appender.append(mask);
            }
            for (int i = 0; i < columnAppenders.length; i++) {
                columnAppenders[i].append(appender, i < values.length ? values[i] : null);
            }
            appender.endRow();
        } catch (SQLException e) {
            throw new SyncException("Cannot stage a row of table '" + table.name() + "': " + e.getMessage(), e);
        }
        nextSeq++;
        pending++;
    }

    /** Adds the table's primary key if its creation deferred it. Call after the last flush. */
    public void addDeferredPrimaryKey() {
        if (table.keyPending()) {
            closeTargetAppender();
            warehouse.addPrimaryKey(table);
            table.markKeyAdded();
        }
    }

    /** @return operations staged and not yet applied */
    public int pending() {
        return pending;
    }

    /**
     * Applies every staged operation to the table, in order.
     *
     * @param synced the value of {@code _fivetran_synced} for the rows written
     */
    public void flush(Instant synced) {
        if (pending == 0) {
            return;
        }
        flushAppender(targetAppender, "write rows of");
        flushAppender(appender, "stage rows of");
        String syncedSql = "TIMESTAMPTZ " + Sql.literal(synced.toString());
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            long end = i + 1 < segments.size() ? segments.get(i + 1).first : nextSeq;
            String range = "_seq >= " + segment.first + " AND _seq < " + end;
            switch (segment.op) {
                case UPSERT -> applyUpserts(segment, range, syncedSql);
                case UPDATE -> applyUpdates(range, syncedSql);
                case DELETE -> applyDeletes(range, syncedSql);
                case APPEND -> throw new IllegalStateException("appended rows are never staged");
            }
        }
        dropStage();
        segments.clear();
        pending = 0;
    }

    private void flushAppender(DuckDBAppender rows, String what) {
        if (rows == null) {
            return;
        }
        try {
            rows.flush();
        } catch (SQLException e) {
            throw new SyncException("Cannot " + what + " table '" + table.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Soft-deletes every row written so far. Flushes pending operations first.
     *
     * @param synced the write time
     */
    public void truncate(Instant synced) {
        flush(synced);
        if (table.exists()) {
            changedInTransaction = true;
            warehouse.execute("UPDATE " + target + " SET " + Sql.quote(TableModel.DELETED) + " = true, "
                    + Sql.quote(TableModel.SYNCED) + " = TIMESTAMPTZ " + Sql.literal(synced.toString())
                    + " WHERE NOT " + Sql.quote(TableModel.DELETED));
        }
    }

    /**
     * Applies a segment's staged upserts: the last staged row of each key replaces the table's row
     * with that key. A MERGE updates rows in place, which is fast, but DuckDB 1.5 holds memory for
     * updated rows (about 100 bytes a row, past commits and checkpoints, until the connection closes),
     * so once {@value #MERGE_BUDGET_ROWS} rows were merged since the connection opened, or that memory
     * reaches a third of DuckDB's limit, upserts delete and re-insert instead, which needs no such
     * memory; a commit reopens the connection after {@value #REOPEN_AFTER_MERGED_ROWS} merged rows.
     */
    private void applyUpserts(Segment segment, String range, String syncedSql) {
        if (segment.staged == 0) {
            return;
        }
        long start = System.nanoTime();
        String rows = "(SELECT * FROM " + stage + " WHERE " + range
                + (segment.repeatsKey ? " QUALIFY row_number() OVER (PARTITION BY " + stageKeys() + " ORDER BY _seq DESC) = 1" : "")
                + ")";
        StringJoiner dataColumns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (ColumnModel column : table.columns()) {
            dataColumns.add(Sql.quote(column.name()));
            values.add("s." + stageColumn(column));
        }
        dataColumns.add(Sql.quote(TableModel.SYNCED)).add(Sql.quote(TableModel.DELETED));
        values.add(syncedSql).add("false");
        if (targetEmpty) {
            warehouse.execute("INSERT INTO " + target + " (" + dataColumns + ") SELECT " + values + " FROM " + rows + " s");
        } else if (merged + segment.staged <= mergeBudgetRows && mergeFitsInMemory()) {
            changedInTransaction = true;
            merged += segment.staged;
            StringJoiner set = new StringJoiner(", ");
            for (ColumnModel column : table.columns()) {
                if (!table.isKey(column)) {
                    set.add(Sql.quote(column.name()) + " = s." + stageColumn(column));
                }
            }
            set.add(Sql.quote(TableModel.SYNCED) + " = " + syncedSql).add(Sql.quote(TableModel.DELETED) + " = false");
            warehouse.execute("MERGE INTO " + target + " USING " + rows + " AS s ON (" + keyMatch("s") + ")"
                    + " WHEN MATCHED THEN UPDATE SET " + set
                    + " WHEN NOT MATCHED THEN INSERT (" + dataColumns + ") VALUES (" + values + ")");
        } else {
            changedInTransaction = true;
            warehouse.execute("DELETE FROM " + target + " USING (SELECT DISTINCT " + stageKeys() + " FROM " + stage
                    + " WHERE " + range + ") s WHERE " + keyMatch("s"));
            warehouse.execute("INSERT INTO " + target + " (" + dataColumns + ") SELECT " + values + " FROM " + rows + " s");
        }
        targetEmpty = false;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {} staged upserts applied in {} ms", table.name(), segment.staged,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * DuckDB keeps what a MERGE sets in memory it cannot evict (for long strings, a few times their
     * size; 32 MB of 10 kB rows took 80 MB), so once that memory reaches a third of its limit,
     * upserts delete and re-insert instead, which DuckDB can write to disk.
     */
    private boolean mergeFitsInMemory() {
        long held = warehouse.heldMemoryBytes();
        boolean fits = held < warehouse.memoryLimitBytes() / 3;
        if (!fits) {
            LOG.debug("{}: DuckDB holds {} MB it cannot evict, upserts delete and re-insert", table.name(), held >> 20);
        }
        return fits;
    }

    @SuppressWarnings("ReferenceEquality") // a cache keyed on the very Instant a batch shares
    private void appendToTarget(Object[] row, Instant synced) {
        ensureTargetAppender();
        if (synced != lastSynced) {
            lastSynced = synced;
            lastSyncedMicros = synced.getEpochSecond() * 1_000_000L + synced.getNano() / 1000;
        }
        try {
            targetAppender.beginRow();
            for (int slot = 0; slot < targetLayout.length; slot++) {
                int position = targetLayout[slot];
                if (position >= 0) {
                    targetAppenders[slot].append(targetAppender, position < row.length ? row[position] : null);
                } else if (position == SYNCED_SLOT) {
                    targetAppender.appendEpochMicros(lastSyncedMicros);
                } else {
                    targetAppender.append(false);
                }
            }
            targetAppender.endRow();
        } catch (SQLException e) {
            throw new SyncException("Cannot write a row of table '" + table.name() + "': " + e.getMessage(), e);
        }
        targetEmpty = false;
    }

    private int[] keyPositions() {
        if (keyPositions == null) {
            keyPositions = table.keyPositions();
        }
        return keyPositions;
    }

    private void ensureTargetAppender() {
        if (targetAppender != null) {
            return;
        }
        List<String> physical = warehouse.columnNames(Warehouse.SCHEMA, table.name());
        targetLayout = new int[physical.size()];
        targetAppenders = new RowAppender[physical.size()];
        for (int slot = 0; slot < physical.size(); slot++) {
            String name = physical.get(slot);
            if (name.equals(TableModel.SYNCED)) {
                targetLayout[slot] = SYNCED_SLOT;
            } else if (name.equals(TableModel.DELETED)) {
                targetLayout[slot] = DELETED_SLOT;
            } else {
                ColumnModel column = table.column(name);
                targetLayout[slot] = column.position();
                targetAppenders[slot] = RowAppender.forType(column.type());
            }
        }
        try {
            targetAppender = warehouse.connection().createAppender(Warehouse.SCHEMA, table.name());
        } catch (SQLException e) {
            throw new SyncException("Cannot open an appender for table '" + table.name() + "': " + e.getMessage(), e);
        }
    }

    private void closeTargetAppender() {
        if (targetAppender != null) {
            try {
                targetAppender.close();
            } catch (SQLException ignored) {
                // every row was flushed already
            }
            targetAppender = null;
        }
    }

    private void applyDeletes(String range, String syncedSql) {
        if (targetEmpty) {
            return;
        }
        changedInTransaction = true;
        warehouse.execute("UPDATE " + target + " SET " + Sql.quote(TableModel.DELETED) + " = true, "
                + Sql.quote(TableModel.SYNCED) + " = " + syncedSql + " FROM (SELECT DISTINCT " + stageKeys()
                + " FROM " + stage + " WHERE " + range + ") s WHERE " + keyMatch("s"));
    }

    private void applyUpdates(String range, String syncedSql) {
        if (targetEmpty) {
            return;
        }
        changedInTransaction = true;
        StringJoiner set = new StringJoiner(", ");
        StringJoiner composed = new StringJoiner(", ");
        composed.add(stageKeys());
        for (ColumnModel column : table.columns()) {
            if (table.isKey(column)) {
                continue;
            }
            int p = column.position();
            String isSet = "substr(_mask, " + (p + 1) + ", 1) = '1'";
            composed.add("arg_max_null(" + stageColumn(column) + ", CASE WHEN " + isSet + " THEN _seq END) AS v" + p);
            composed.add("bool_or(" + isSet + ") AS m" + p);
            set.add(Sql.quote(column.name()) + " = CASE WHEN s.m" + p + " THEN s.v" + p + " ELSE " + target + "."
                    + Sql.quote(column.name()) + " END");
        }
        set.add(Sql.quote(TableModel.SYNCED) + " = " + syncedSql);
        warehouse.execute("UPDATE " + target + " SET " + set + " FROM (SELECT " + composed + " FROM " + stage
                + " WHERE " + range + " GROUP BY " + stageKeys() + ") s WHERE " + keyMatch("s"));
    }

    private String stageKeys() {
        StringJoiner keys = new StringJoiner(", ");
        for (String key : table.keyNames()) {
            keys.add(stageColumn(table.column(key)));
        }
        return keys.toString();
    }

    private String keyMatch(String alias) {
        StringJoiner match = new StringJoiner(" AND ");
        for (String key : table.keyNames()) {
            match.add(target + "." + Sql.quote(key) + " = " + alias + "." + stageColumn(table.column(key)));
        }
        return match.toString();
    }

    private static String stageColumn(ColumnModel column) {
        return "c" + column.position();
    }

    private void ensureStage() {
        if (stageExists) {
            return;
        }
        List<ColumnModel> columns = table.columns();
        StringJoiner definition = new StringJoiner(", ");
        definition.add("_seq BIGINT").add("_op TINYINT").add("_mask VARCHAR");
        columnAppenders = new RowAppender[columns.size()];
        for (ColumnModel column : columns) {
            definition.add(stageColumn(column) + " " + column.type().sqlType());
            columnAppenders[column.position()] = RowAppender.forType(column.type());
        }
        warehouse.execute("CREATE OR REPLACE TEMP TABLE " + stage + " (" + definition + ")");
        try {
            appender = warehouse.connection().createAppender("temp", "main", stage);
        } catch (SQLException e) {
            throw new SyncException("Cannot open an appender for table '" + table.name() + "': " + e.getMessage(), e);
        }
        stageExists = true;
    }

    private void dropStage() {
        if (!stageExists) {
            return;
        }
        closeAppender();
        warehouse.execute("DROP TABLE IF EXISTS " + stage);
        stageExists = false;
    }

    private void closeAppender() {
        if (appender != null) {
            try {
                appender.close();
            } catch (SQLException ignored) {
                // rows were flushed already; nothing is lost
            }
            appender = null;
        }
    }

    /** Closes the appender; staged rows that were not flushed are discarded. */
    @Override
    public void close() {
        closeAppender();
        closeTargetAppender();
        stageExists = false;
    }
}
