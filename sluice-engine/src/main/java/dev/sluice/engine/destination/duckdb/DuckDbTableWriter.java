package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.destination.Sql;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one DuckDB table. Rows are never held on the Java heap: an {@link RowOperation#APPEND} goes
 * straight into the table through an Appender ({@link TargetAppender}); every other operation goes
 * into the {@link StagingTable} and is applied at the flush by {@link StagedChanges}, one set-based
 * step per run of same-kind operations. Upserts merge in place while fewer than
 * {@value #MERGE_BUDGET_ROWS} rows were merged since the connection opened and DuckDB holds less
 * than a third of its memory limit that it cannot evict, else they delete and re-insert. Not
 * thread-safe: used on the engine's writer thread.
 */
final class DuckDbTableWriter implements TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbTableWriter.class);
    private static final long MERGE_BUDGET_ROWS = 1_000_000;

    private final DuckDbDatabase database;
    private final TableModel table;
    private final DuckDbTableDdl ddl;
    private final StagingTable stage;
    private final StagedChanges changes;
    private final TargetAppender targetAppender;
    private final long mergeBudgetRows;
    private boolean targetEmpty;
    private boolean changedInTransaction;
    private long merged;
    private int pending;

    DuckDbTableWriter(
            DuckDbDatabase database,
            DuckDbCatalog catalog,
            DuckDbBookkeeping bookkeeping,
            String schema,
            TableModel table,
            int stageNumber,
            long mergeBudgetRows) {
        this.database = database;
        this.table = table;
        this.ddl = new DuckDbTableDdl(database, catalog, bookkeeping, schema, table);
        this.stage = new StagingTable(database, table, stageNumber);
        this.changes = new StagedChanges(database, table, stage, ddl.target());
        this.targetAppender = new TargetAppender(database, catalog, schema, table);
        this.mergeBudgetRows = mergeBudgetRows;
    }

    DuckDbTableWriter(
            DuckDbDatabase database,
            DuckDbCatalog catalog,
            DuckDbBookkeeping bookkeeping,
            String schema,
            TableModel table,
            int stageNumber) {
        this(database, catalog, bookkeeping, schema, table, stageNumber, MERGE_BUDGET_ROWS);
    }

    @Override
    public TableModel table() {
        return table;
    }

    @Override
    public void createTable() {
        ddl.create();
        targetEmpty = true;
    }

    @Override
    public void prepareSchemaChange(Instant synced) {
        flush(synced);
        stage.drop();
        targetAppender.close();
    }

    @Override
    public void addColumn(ColumnModel column) {
        ddl.addColumn(column, changedInTransaction);
    }

    @Override
    public void changeType(ColumnModel column) {
        ddl.changeType(column, changedInTransaction);
    }

    @Override
    public void write(RowOperation op, Object[] values, String mask, Instant synced) {
        if (op == RowOperation.APPEND) {
            targetAppender.append(values, synced);
            targetEmpty = false;
        } else {
            if (stage.full(op)) {
                flush(synced);
            }
            stage.add(op, values, mask);
        }
        pending++;
    }

    @Override
    public void flush(Instant synced) {
        if (pending == 0) {
            return;
        }
        targetAppender.flush();
        String syncedSql = "TIMESTAMPTZ " + Sql.literal(synced.toString());
        for (StagingTable.Segment segment : stage.drain()) {
            switch (segment.op) {
                case UPSERT -> applyUpserts(segment, syncedSql);
                case UPDATE -> {
                    if (!targetEmpty) {
                        changedInTransaction = true;
                        changes.updates(segment, syncedSql);
                    }
                }
                case DELETE -> {
                    if (!targetEmpty) {
                        changedInTransaction = true;
                        changes.deletes(segment, syncedSql);
                    }
                }
                case APPEND -> throw new IllegalStateException("appended rows are never staged");
            }
        }
        stage.drop();
        pending = 0;
    }

    private void applyUpserts(StagingTable.Segment segment, String syncedSql) {
        if (segment.staged == 0) {
            return;
        }
        long start = System.nanoTime();
        StagedChanges.UpsertMethod method;
        if (targetEmpty) {
            method = StagedChanges.UpsertMethod.INSERT;
        } else if (merged + segment.staged <= mergeBudgetRows && mergeFitsInMemory()) {
            method = StagedChanges.UpsertMethod.MERGE;
            merged += segment.staged;
        } else {
            method = StagedChanges.UpsertMethod.DELETE_INSERT;
        }
        changedInTransaction |= method != StagedChanges.UpsertMethod.INSERT;
        changes.upserts(segment, syncedSql, method);
        targetEmpty = false;
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{}: {} staged upserts applied by {} in {} ms",
                    table.name(),
                    segment.staged,
                    method,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * DuckDB keeps what a MERGE sets in memory it cannot evict (for long strings, a few times their
     * size), so once that memory reaches a third of its limit, upserts delete and re-insert instead.
     */
    private boolean mergeFitsInMemory() {
        long held = database.heldMemoryBytes();
        boolean fits = held < database.memoryLimitBytes() / 3;
        if (!fits) {
            LOG.debug("{}: DuckDB holds {} MB it cannot evict, upserts delete and re-insert", table.name(), held >> 20);
        }
        return fits;
    }

    @Override
    public void truncate(Instant synced) {
        flush(synced);
        if (table.exists()) {
            changedInTransaction = true;
            changes.truncate("TIMESTAMPTZ " + Sql.literal(synced.toString()));
        }
    }

    /** Adds the table's primary key if its creation deferred it. Call after the last flush. */
    void addDeferredPrimaryKey() {
        if (table.keyPending()) {
            targetAppender.close();
            ddl.addDeferredPrimaryKey();
        }
    }

    /** @return rows merged in place since the connection was opened */
    long mergedSinceOpen() {
        return merged;
    }

    /** @return operations written and not yet applied */
    int pending() {
        return pending;
    }

    /** The destination committed: the table's changes so far are no longer in the open transaction. */
    void transactionCommitted() {
        changedInTransaction = false;
    }

    /** Closes the appenders on the connection, which is about to close or be reopened. Between transactions. */
    void connectionClosing() {
        stage.connectionClosing();
        targetAppender.close();
        merged = 0;
    }
}
