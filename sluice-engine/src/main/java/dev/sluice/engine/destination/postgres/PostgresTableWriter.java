package dev.sluice.engine.destination.postgres;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one PostgreSQL table. An {@link RowOperation#APPEND} goes straight into the table by
 * {@code COPY} ({@link TargetCopy}); every other operation goes by {@code COPY} into the
 * {@link PostgresStage} and is applied at the flush by {@link PostgresChanges}, one set-based
 * statement per run of same-kind operations. Not thread-safe: used on the engine's writer thread.
 */
final class PostgresTableWriter implements TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTableWriter.class);

    private final TableModel table;
    private final PostgresTableDdl ddl;
    private final PostgresStage stage;
    private final PostgresChanges changes;
    private final TargetCopy targetCopy;
    private boolean targetEmpty;
    private int pending;

    PostgresTableWriter(
            PostgresDatabase database,
            PostgresCatalog catalog,
            PostgresBookkeeping bookkeeping,
            String schema,
            TableModel table,
            int stageNumber) {
        this.table = table;
        this.ddl = new PostgresTableDdl(database, catalog, bookkeeping, schema, table);
        this.stage = new PostgresStage(database, table, stageNumber);
        this.changes = new PostgresChanges(database, table, stage, ddl.target());
        this.targetCopy = new TargetCopy(database, table, ddl.target());
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
        targetCopy.close();
    }

    @Override
    public void addColumn(ColumnModel column) {
        ddl.addColumn(column);
    }

    @Override
    public void changeType(ColumnModel column) {
        ddl.changeType(column);
    }

    @Override
    public void write(RowOperation op, Object[] values, String mask, Instant synced) {
        if (op == RowOperation.APPEND) {
            targetCopy.append(values, synced);
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
        targetCopy.flush();
        String syncedSql = syncedSql(synced);
        for (PostgresStage.Segment segment : stage.drain()) {
            long start = System.nanoTime();
            switch (segment.op) {
                case UPSERT -> applyUpserts(segment, syncedSql);
                case UPDATE -> {
                    if (!targetEmpty) {
                        changes.updates(segment, syncedSql);
                    }
                }
                case DELETE -> {
                    if (!targetEmpty) {
                        changes.deletes(segment, syncedSql);
                    }
                }
                case APPEND -> throw new IllegalStateException("appended rows are never staged");
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "{}: {} staged {} rows applied in {} ms",
                        table.name(),
                        segment.end - segment.first,
                        segment.op,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
        stage.clear();
        pending = 0;
    }

    private void applyUpserts(PostgresStage.Segment segment, String syncedSql) {
        if (segment.staged == 0) {
            return;
        }
        PostgresChanges.UpsertMethod method;
        if (targetEmpty) {
            method = PostgresChanges.UpsertMethod.INSERT;
        } else if (table.keyPending()) {
            method = PostgresChanges.UpsertMethod.DELETE_INSERT;
        } else {
            method = PostgresChanges.UpsertMethod.ON_CONFLICT;
        }
        changes.upserts(segment, syncedSql, method);
        targetEmpty = false;
    }

    @Override
    public void truncate(Instant synced) {
        flush(synced);
        if (table.exists()) {
            changes.truncate(syncedSql(synced));
        }
    }

    /** Adds the table's primary key if its creation deferred it. Call after the last flush. */
    void addDeferredPrimaryKey() {
        if (table.keyPending()) {
            ddl.addDeferredPrimaryKey();
        }
    }

    /** Forgets what the rolled-back transaction held. */
    void rolledBack() {
        stage.rolledBack();
        targetCopy.rolledBack();
        pending = 0;
    }

    private static String syncedSql(Instant synced) {
        return "'" + synced + "'::timestamptz";
    }
}
