package dev.sluice.engine.core;

import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.duckdb.FreshKeys;
import dev.sluice.engine.duckdb.Operation;
import dev.sluice.engine.duckdb.TableWriter;
import dev.sluice.engine.duckdb.Warehouse;
import dev.sluice.engine.input.StateFile;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.Naming;
import dev.sluice.engine.schema.RecordValues;
import dev.sluice.engine.schema.RowHasher;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.schema.ValueConverter;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Operations} a connector writes to during a local sync: converts each row to the
 * table's column types (creating and widening columns as needed), stages it, flushes by size and
 * commits data together with state at each checkpoint. Every method is synchronized, so
 * connectors may call it from several threads; each thread's calls apply in its order.
 *
 * <p>A connector that writes many operations without a checkpoint would grow one DuckDB
 * transaction without bound. Once {@code commitRows} operations, or about half DuckDB's memory
 * limit in bytes of them, were written since the last commit, the next flush also commits, without
 * saving state. If the sync then dies, the next one starts from the last checkpoint and writes
 * those operations again: upserts, updates, deletes and truncates applied a second time in the
 * same order give the same tables.
 */
public final class WarehouseOperations implements Operations {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseOperations.class);
    /** At most this many estimated bytes of rows trigger a flush, whatever their number: wide rows flush sooner. */
    private static final long MAX_FLUSH_BYTES = 32L << 20;

    private final Warehouse warehouse;
    private final SchemaManager schema;
    private final SyncMetrics metrics;
    private final Path stateFile;
    private final int flushRows;
    private final int commitRows;
    private final long flushBytes;
    private final long commitBytes;
    private long primaryKeyMemoryLimitBytes;
    private final CheckpointObserver observer;
    private final Map<String, TableWriter> writersBySource = new HashMap<>();
    private final Map<String, TableWriter> writers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger stageNumbers = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, RowHasher> hashers = new HashMap<>();
    private final Map<TableWriter, FreshKeys> freshKeys = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private String savedStateJson;
    private State savedState;
    private final WriterThread writerThread;
    private int checkpoints;
    private long pending;
    private long pendingBytes;
    private long uncommitted;
    private long uncommittedBytes;
    private boolean committedWithoutState;
    private Instant batchTime = Instant.now();

    /**
     * @param warehouse the open warehouse, inside a transaction
     * @param schema the tables known so far
     * @param metrics counters to update
     * @param stateFile where checkpoints save state
     * @param startState the state the sync started from
     * @param startStateJson its JSON as found in the state file (null when there was none)
     * @param flushRows staged operations that trigger a flush
     * @param commitRows operations written since the last commit after which a flush also commits
     * @param observer told of each durable checkpoint, or null
     */
    public WarehouseOperations(Warehouse warehouse, SchemaManager schema, SyncMetrics metrics, Path stateFile,
            State startState, String startStateJson, int flushRows, int commitRows, CheckpointObserver observer) {
        this.warehouse = warehouse;
        this.schema = schema;
        this.metrics = metrics;
        this.stateFile = stateFile;
        this.savedState = startState.copy();
        this.savedStateJson = startStateJson;
        this.flushRows = flushRows;
        this.commitRows = commitRows;
        this.flushBytes = Math.min(MAX_FLUSH_BYTES, warehouse.memoryLimitBytes() / 8);
        this.commitBytes = warehouse.memoryLimitBytes() / 2;
        this.primaryKeyMemoryLimitBytes = warehouse.memoryLimitBytes() / 2;
        this.observer = observer;
        this.writerThread = new WriterThread(new WriterThread.RowSink() {
            @Override
            public void accept(TableWriter writer, Operation op, Object[] values, String mask, long bytes) {
                writer.append(op, values, mask, batchTime);
                uncommitted++;
                uncommittedBytes += bytes;
                pendingBytes += bytes;
                if (++pending >= WarehouseOperations.this.flushRows || pendingBytes >= flushBytes) {
                    flushAll();
                    if (uncommitted >= WarehouseOperations.this.commitRows || uncommittedBytes >= commitBytes) {
                        commitWithoutState();
                    }
                }
            }

            @Override
            public void batchDone() {
                batchTime = Instant.now();
            }
        }, () -> writers.values().forEach(TableWriter::close));
    }

    /**
     * Runs work on the thread that owns the warehouse connection, after everything staged before,
     * and waits for it.
     *
     * @param work the work
     */
    public synchronized void onWriterThread(Runnable work) {
        writerThread.call(work);
    }

    @Override
    public synchronized void upsert(String table, Map<String, ?> row) {
        TableWriter writer = writer(table, "upsert");
        Object[] values = convert(writer, table, requireRow(table, row, "upsert"), null);
        TableModel model = writer.table();
        if (model.syntheticKey()) {
            values[0] = hasher(model).hash(model.columns(), values, 0);
        } else {
            requireKeys(model, table, values, "upsert");
        }
        stage(writer, Operation.UPSERT, values, null);
        metrics.upserted(model.name());
    }

    @Override
    public synchronized void upsert(String table, Record row) {
        if (row == null) {
            throw new SyncException("upsert into table '" + table + "' got a null record");
        }
        upsert(table, RecordValues.toMap(row));
    }

    @Override
    public synchronized void update(String table, Map<String, ?> modified) {
        TableWriter writer = writer(table, "update");
        TableModel model = writer.table();
        requireRealKey(model, table, "update");
        if (!model.exists()) {
            requireKeyNames(model, table, requireRow(table, modified, "update"), "update");
            metrics.updated(model.name());
            return;
        }
        boolean[] set = new boolean[model.columns().size() + requireRow(table, modified, "update").size()];
        Object[] values = convert(writer, table, modified, set);
        requireKeys(model, table, values, "update");
        StringBuilder mask = new StringBuilder(model.columns().size());
        for (int i = 0; i < model.columns().size(); i++) {
            mask.append(set[i] ? '1' : '0');
        }
        stage(writer, Operation.UPDATE, values, mask.toString());
        metrics.updated(model.name());
    }

    @Override
    public synchronized void delete(String table, Map<String, ?> keys) {
        TableWriter writer = writer(table, "delete");
        TableModel model = writer.table();
        requireRealKey(model, table, "delete");
        Map<String, Object> keyValues = new LinkedHashMap<>();
        requireRow(table, keys, "delete").forEach((name, value) -> {
            ColumnModel column = model.column(schema.columnName(name));
            if (column != null && model.isKey(column)) {
                keyValues.put(name, value);
            }
        });
        if (!model.exists()) {
            requireKeyNames(model, table, keyValues.isEmpty() ? keys : keyValues, "delete");
            metrics.deleted(model.name());
            return;
        }
        Object[] values = convert(writer, table, keyValues, null);
        requireKeys(model, table, values, "delete");
        stage(writer, Operation.DELETE, values, null);
        metrics.deleted(model.name());
    }

    @Override
    public synchronized void truncate(String table) {
        TableWriter writer = writer(table, "truncate");
        writerThread.call(() -> writer.truncate(Instant.now()));
        metrics.truncated(writer.table().name());
    }

    @Override
    public synchronized void checkpoint(State state) {
        if (state == null) {
            throw new SyncException("checkpoint(null): pass the state to resume from, e.g. State.empty()");
        }
        State copy = state.copy();
        String json = StateFile.toJson(copy);
        String previous = savedStateJson;
        writerThread.call(() -> {
            flushAll();
            warehouse.saveState(json, previous);
            commit();
            StateFile.write(stateFile, json);
            reopenIfMergedMuch();
            warehouse.begin();
        });
        freshKeys.values().forEach(FreshKeys::checkpointed);
        savedStateJson = json;
        savedState = copy;
        checkpoints++;
        metrics.checkpointed();
        LOG.debug("checkpoint {} saved", checkpoints);
        if (observer != null) {
            observer.checkpointed(checkpoints, copy.copy());
        }
    }

    @Override
    public synchronized void warning(String message) {
        if (message == null || message.isBlank()) {
            throw new SyncException("warning() needs a non-empty message");
        }
        warnings.add(message);
        metrics.warned();
        LOG.warn(message);
    }

    /**
     * Applies every staged operation and commits (the saved state stays as last checkpointed), then
     * adds, in a second transaction, the primary keys of tables whose key was deferred. DuckDB
     * cannot commit an ALTER TABLE that follows updates of the same table in one transaction.
     */
    public synchronized void finish() {
        writerThread.call(() -> {
            flushAll();
            commit();
            List<TableModel> unkeyed = schema.tables().stream().filter(TableModel::keyPending).toList();
            if (!unkeyed.isEmpty()) {
                addDeferredPrimaryKeys(unkeyed);
            }
        });
    }

    /**
     * Builds the deferred primary keys with half DuckDB's memory limit first: DuckDB then evicts
     * the table blocks it cached while the sync wrote, instead of building the index beside them
     * (a 10M-row first sync peaks at ~750 MB of RSS instead of ~920 MB). An index that needs more
     * is built again, on a new connection (DuckDB's statement is unusable after the failure), with
     * the whole limit.
     */
    private void addDeferredPrimaryKeys(List<TableModel> unkeyed) {
        try {
            addPrimaryKeys(unkeyed, primaryKeyMemoryLimitBytes);
        } catch (SyncException e) {
            if (!Warehouse.isOutOfMemory(e)) {
                throw e;
            }
            LOG.debug("building primary keys within {} MB failed, building them with the whole limit",
                    primaryKeyMemoryLimitBytes >> 20);
            warehouse.rollbackQuietly();
            reopenConnection();
            unkeyed.forEach(TableModel::markKeyPending);
            addPrimaryKeys(unkeyed, 0);
        }
    }

    private void addPrimaryKeys(List<TableModel> unkeyed, long memoryLimitBytes) {
        warehouse.begin();
        if (memoryLimitBytes > 0) {
            warehouse.lowerMemoryLimit(memoryLimitBytes);
        }
        unkeyed.forEach(model -> writerFor(model).addDeferredPrimaryKey());
        warehouse.commit();
        warehouse.resetMemoryLimit();
    }

    /**
     * @param bytes the memory DuckDB may use while the sync's deferred primary keys are built
     *     first; 0 builds them with the whole limit at once. For tests of the fallback.
     */
    void primaryKeyMemoryLimitBytes(long bytes) {
        this.primaryKeyMemoryLimitBytes = bytes;
    }

    /** @return the state of the last checkpoint (or the start state) */
    public synchronized State savedState() {
        return savedState.copy();
    }

    /** @return the warnings reported so far */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Stops the writer thread, which closes every table writer. Idempotent. */
    public synchronized void close() {
        writerThread.close();
    }

    /**
     * Stops the writer thread without applying what is still queued, for a failed sync: afterwards
     * no thread touches the warehouse, which the caller then rolls back. Idempotent.
     */
    public void abort() {
        writerThread.abort();
    }

    private void stage(TableWriter writer, Operation op, Object[] values, String mask) {
        if (!writer.table().exists()) {
            writerThread.call(() -> {
                writer.createTable();
                metrics.schemaChanged();
            });
            freshKeys.put(writer, new FreshKeys(writer.table(), FreshKeys.DEFAULT_MAX_KEYS));
        }
        FreshKeys fresh = freshKeys.get(writer);
        if (fresh != null) {
            if (op == Operation.UPSERT) {
                op = fresh.upsert(values);
            } else {
                fresh.otherOperation();
            }
        }
        writerThread.add(writer, op, values, mask);
    }

    private void commitWithoutState() {
        long written = uncommitted;
        commit();
        if (!committedWithoutState) {
            committedWithoutState = true;
            LOG.info("{} operations written without a checkpoint: committing them without state (and so on every {}"
                    + " operations or {} MB) to keep memory bounded. A failed sync resumes from the last checkpoint and"
                    + " writes them again; checkpoint more often to redo less.", written, commitRows, commitBytes >> 20);
        }
        reopenIfMergedMuch();
        warehouse.begin();
    }

    private void commit() {
        warehouse.commit();
        writers.values().forEach(TableWriter::transactionCommitted);
        uncommitted = 0;
        uncommittedBytes = 0;
    }

    /**
     * DuckDB 1.5 keeps memory for rows updated in place past the commit, until its database closes:
     * reopens the connection after many merged rows, or when that memory is a sixth of the limit.
     */
    private void reopenIfMergedMuch() {
        long merged = writers.values().stream().mapToLong(TableWriter::mergedSinceOpen).sum();
        if (merged >= TableWriter.REOPEN_AFTER_MERGED_ROWS
                || merged > 0 && warehouse.heldMemoryBytes() >= warehouse.memoryLimitBytes() / 6) {
            reopenConnection();
        }
    }

    /** Closes every writer's appenders on the connection, then reopens it. Between transactions. */
    private void reopenConnection() {
        writers.values().forEach(TableWriter::connectionClosing);
        warehouse.reopen();
    }

    private void flushAll() {
        Instant now = Instant.now();
        for (TableWriter writer : writers.values()) {
            writer.flush(now);
        }
        pending = 0;
        pendingBytes = 0;
    }

    /**
     * Thread-safe.
     *
     * @param model a table
     * @return its writer, created on first use
     */
    public TableWriter writerFor(TableModel model) {
        return writers.computeIfAbsent(model.name(), name -> new TableWriter(warehouse, model, stageNumbers.getAndIncrement()));
    }

    private TableWriter writer(String sourceTable, String operation) {
        TableWriter writer = writersBySource.get(sourceTable);
        if (writer != null) {
            return writer;
        }
        if (sourceTable == null || sourceTable.isBlank()) {
            throw new SyncException(operation + "() was called with an empty table name: pass the table's name");
        }
        TableModel model = schema.tableForSource(sourceTable);
        writer = writerFor(model);
        writersBySource.put(sourceTable, writer);
        metrics.tableSeen(model.name());
        return writer;
    }

    private Object[] convert(TableWriter writer, String sourceTable, Map<String, ?> row, boolean[] set) {
        TableModel model = writer.table();
        while (true) {
            int width = model.columns().size();
            Object[] values = new Object[width];
            boolean[] seen = new boolean[width];
            Runnable change = null;
            for (Map.Entry<String, ?> entry : row.entrySet()) {
                String source = entry.getKey();
                Object value = entry.getValue();
                ColumnModel column = schema.column(model, source);
                if (column == null) {
                    if (value == null) {
                        continue;
                    }
                    change = () -> schema.addInferredColumn(writer, source, value);
                    break;
                }
                int position = column.position();
                if (seen[position]) {
                    throw new SyncException("Table '" + sourceTable + "': two keys of one row both become column '"
                            + column.name() + "' (one of them is '" + source + "'): rename one of them");
                }
                seen[position] = true;
                if (set != null) {
                    set[position] = true;
                }
                if (value == null) {
                    continue;
                }
                Object converted = ValueConverter.convert(column.type(), value, column.declared());
                if (converted == ValueConverter.MISMATCH) {
                    change = schema.widening(writer, column, sourceTable, source, value);
                    break;
                }
                values[position] = converted;
            }
            if (change == null) {
                return values;
            }
            writerThread.call(change);
        }
    }

    private static Map<String, ?> requireRow(String table, Map<String, ?> row, String operation) {
        if (row == null) {
            throw new SyncException(operation + "() into table '" + table + "' got a null row");
        }
        return row;
    }

    private void requireKeys(TableModel model, String sourceTable, Object[] values, String operation) {
        for (String key : model.keyNames()) {
            ColumnModel column = model.column(key);
            if (column == null || column.position() >= values.length || values[column.position()] == null) {
                throw new SyncException(operation + "() into table '" + sourceTable + "' is missing primary-key column '"
                        + key + "': every " + operation + " must give all of " + model.keyNames());
            }
        }
    }

    private void requireKeyNames(TableModel model, String sourceTable, Map<String, ?> row, String operation) {
        List<String> given = new ArrayList<>();
        row.forEach((name, value) -> {
            if (value != null) {
                given.add(schema.columnName(name));
            }
        });
        for (String key : model.keyNames()) {
            if (!given.contains(key)) {
                throw new SyncException(operation + "() into table '" + sourceTable + "' is missing primary-key column '"
                        + key + "': every " + operation + " must give all of " + model.keyNames());
            }
        }
    }

    private static void requireRealKey(TableModel model, String sourceTable, String operation) {
        if (model.syntheticKey()) {
            throw new SyncException(operation + "() on table '" + sourceTable + "', which has no primary key: declare"
                    + " one in schema() with Table.named(\"" + sourceTable + "\").primaryKey(...), or use upsert");
        }
    }

    private RowHasher hasher(TableModel model) {
        return hashers.computeIfAbsent(model.name(), name -> new RowHasher());
    }
}
