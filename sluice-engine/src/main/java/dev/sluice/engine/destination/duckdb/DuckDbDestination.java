package dev.sluice.engine.destination.duckdb;

import dev.sluice.engine.destination.CheckpointState;
import dev.sluice.engine.destination.Destination;
import dev.sluice.engine.destination.StoredState;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.destination.WriteLimits;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DuckDB file as a sync's destination: one schema of it, and the {@code _sluice} bookkeeping
 * that keeps each checkpoint's state in the same transaction as its data. It holds DuckDB's memory
 * policy: flushes at an eighth of the memory limit (at most 32 MB of rows), commits without a
 * checkpoint at half of it, reopens the connection after many rows merged in place (DuckDB 1.5 keeps
 * memory for them until its database closes), and builds the primary keys of tables the sync
 * created once, at the end, in bulk. Not thread-safe (see {@link Destination}).
 */
public final class DuckDbDestination implements Destination {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDestination.class);
    /** At most this many estimated bytes of rows between flushes, whatever the memory limit. */
    private static final long MAX_FLUSH_BYTES = 32L << 20;
    /** Rows merged since the connection opened past which a commit reopens it. */
    static final long REOPEN_AFTER_MERGED_ROWS = 100_000;

    private final DuckDbDatabase database;
    private final String schema;
    private final DuckDbCatalog catalog;
    private final DuckDbBookkeeping bookkeeping;
    private final List<DuckDbTableWriter> writers = new ArrayList<>();
    private final WriteLimits limits;
    private long primaryKeyMemoryLimitBytes;
    private boolean closed;

    private DuckDbDestination(DuckDbDatabase database, String schema, int flushRows, int commitRows) {
        this.database = database;
        this.schema = schema;
        this.catalog = new DuckDbCatalog(database, schema);
        this.bookkeeping = new DuckDbBookkeeping(database, schema);
        long memory = database.memoryLimitBytes();
        this.limits = new WriteLimits(flushRows, Math.min(MAX_FLUSH_BYTES, memory / 8), commitRows, memory / 2);
        this.primaryKeyMemoryLimitBytes = memory / 2;
    }

    /**
     * Opens a schema of a DuckDB file (creating the file and the schema when missing) and begins a
     * transaction.
     *
     * @param instances the process's DuckDB instances
     * @param file the database file
     * @param schema the schema of the sync's tables
     * @param flushRows operations between flushes
     * @param commitRows operations between commits
     * @return the destination
     * @throws SyncException naming the file when it is locked by another process or unreadable
     */
    public static DuckDbDestination open(
            DuckDbInstances instances, Path file, String schema, int flushRows, int commitRows) {
        DuckDbDatabase database = DuckDbDatabase.open(instances, file);
        try {
            DuckDbDestination destination = new DuckDbDestination(database, schema, flushRows, commitRows);
            destination.bookkeeping.prepare();
            database.begin();
            return destination;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "DuckDB " + database.file() + " (schema " + schema + ")";
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Map<String, TableModel> loadTables() {
        return catalog.loadTables(bookkeeping.deferredKeys());
    }

    @Override
    public StoredState storedState() {
        return bookkeeping.storedState();
    }

    @Override
    public String recordedNaming() {
        return bookkeeping.recordedNaming();
    }

    @Override
    public void recordNaming(String naming) {
        bookkeeping.recordNaming(naming);
    }

    @Override
    public TableWriter writer(TableModel table) {
        DuckDbTableWriter writer = new DuckDbTableWriter(database, catalog, bookkeeping, schema, table, writers.size());
        writers.add(writer);
        return writer;
    }

    @Override
    public WriteLimits limits() {
        return limits;
    }

    @Override
    public void commit(CheckpointState checkpoint) {
        if (checkpoint != null) {
            bookkeeping.saveState(checkpoint);
        }
        database.commit();
        writers.forEach(DuckDbTableWriter::transactionCommitted);
        reopenIfMergedMuch();
        database.begin();
    }

    /**
     * Reopens the connection after many merged rows, or when the memory they hold reaches a sixth of
     * the limit.
     */
    private void reopenIfMergedMuch() {
        long merged =
                writers.stream().mapToLong(DuckDbTableWriter::mergedSinceOpen).sum();
        if (merged >= REOPEN_AFTER_MERGED_ROWS
                || merged > 0 && database.heldMemoryBytes() >= database.memoryLimitBytes() / 6) {
            reopenConnection();
        }
    }

    private void reopenConnection() {
        writers.forEach(DuckDbTableWriter::connectionClosing);
        bookkeeping.connectionClosing();
        database.reopen();
    }

    /**
     * Adds the primary keys of the tables the sync created, in a transaction of their own (DuckDB
     * cannot commit an ALTER TABLE that follows updates of the same table in one transaction). They
     * are built within half the memory limit first, so that DuckDB evicts the table blocks it cached
     * instead of building the index beside them; an index that needs more is built again, on a new
     * connection (DuckDB's statement is unusable after the failure), with the whole limit.
     */
    @Override
    public void finish(Collection<TableModel> tables) {
        tables.stream()
                .filter(TableModel::keyPending)
                .filter(table -> writers.stream().noneMatch(w -> w.table() == table))
                .forEach(this::writer);
        List<DuckDbTableWriter> unkeyed =
                writers.stream().filter(w -> w.table().keyPending()).toList();
        if (unkeyed.isEmpty()) {
            return;
        }
        try {
            addPrimaryKeys(unkeyed, primaryKeyMemoryLimitBytes);
        } catch (SyncException e) {
            if (!DuckDbDatabase.isOutOfMemory(e)) {
                throw e;
            }
            LOG.debug(
                    "building primary keys within {} MB failed, building them with the whole limit",
                    primaryKeyMemoryLimitBytes >> 20);
            database.rollbackQuietly();
            reopenConnection();
            database.resetMemoryLimit();
            unkeyed.forEach(w -> w.table().markKeyPending());
            database.begin();
            addPrimaryKeys(unkeyed, 0);
        }
    }

    private void addPrimaryKeys(List<DuckDbTableWriter> unkeyed, long memoryLimitBytes) {
        if (memoryLimitBytes > 0) {
            database.lowerMemoryLimit(memoryLimitBytes);
        }
        unkeyed.forEach(DuckDbTableWriter::addDeferredPrimaryKey);
        database.commit();
        database.resetMemoryLimit();
        database.begin();
    }

    /**
     * @param bytes the memory DuckDB may use while deferred primary keys are built first; 0 builds
     *     them with the whole limit at once. For tests of the fallback.
     */
    void primaryKeyMemoryLimitBytes(long bytes) {
        this.primaryKeyMemoryLimitBytes = bytes;
    }

    @Override
    public void rollback() {
        database.rollbackQuietly();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writers.forEach(DuckDbTableWriter::connectionClosing);
        bookkeeping.connectionClosing();
        database.close();
    }
}
