package dev.sluice.engine.core;

import dev.sluice.engine.CheckpointObserver;
import dev.sluice.engine.SyncCancelledException;
import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.destination.CheckpointState;
import dev.sluice.engine.destination.Destination;
import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.engine.destination.WriteLimits;
import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.RowHasher;
import dev.sluice.engine.schema.TableModel;
import dev.sluice.engine.state.StateJson;
import dev.sluice.engine.state.StateStore;
import dev.sluice.engine.values.RecordValues;
import dev.sluice.engine.values.ValueConverter;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Operations}: what a connector writes to during a sync, whatever the
 * destination. Converts each row to the table's column types (creating and widening columns as
 * needed), hands it to the writer thread, flushes by the destination's {@link WriteLimits} and, at
 * each checkpoint, has the destination commit the data together with the state before the state
 * store saves it. Every method is synchronized, so connectors may call it from several threads;
 * each thread's calls apply in its order.
 *
 * <p>A connector that writes many operations without a checkpoint would grow one transaction
 * without bound. Once the limits' {@code commitRows} operations or {@code commitBytes} were written
 * since the last commit, the next flush also commits, without saving state. If the sync then dies,
 * the next one starts from the last checkpoint and writes those operations again: upserts, updates,
 * deletes and truncates applied a second time in the same order give the same tables.
 *
 * <p>{@link #cancel} may be called from any thread: the next operation then throws
 * {@link SyncCancelledException}.
 */
public final class EngineOperations implements Operations {

    private static final Logger LOG = LoggerFactory.getLogger(EngineOperations.class);

    private final Destination destination;
    private final SchemaManager schema;
    private final SyncMetrics metrics;
    private final StateStore stateStore;
    private final WriteLimits limits;
    private final CheckpointObserver observer;
    private final Map<String, TableWriter> writersBySource = new HashMap<>();
    private final Map<String, TableWriter> writers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, RowHasher> hashers = new HashMap<>();
    private final Map<TableWriter, FreshKeys> freshKeys = new HashMap<>();
    /** On the writer thread: operations each writer applied since the last commit. */
    private final Map<TableWriter, long[]> appliedSinceCommit = new IdentityHashMap<>();

    private TableWriter lastApplied;
    private long[] lastAppliedCount;
    private final List<String> warnings = new ArrayList<>();
    /** Written on the writer thread right after the state store, so that it holds even when the caller stopped waiting. */
    private volatile String savedStateJson;

    private volatile State savedState;
    private final WriterThread writerThread;
    private volatile String cancelled;
    private int checkpoints;
    private long pending;
    private long pendingBytes;
    private long uncommitted;
    private long uncommittedBytes;
    private boolean committedWithoutState;
    private Instant batchTime = Instant.now();

    /**
     * @param destination the open destination
     * @param schema the tables known so far
     * @param metrics counters to update
     * @param stateStore where checkpoints save state once the destination committed it
     * @param startState the state the sync started from
     * @param startStateJson its JSON as the state store held it (null when there was none)
     * @param flushRows staged operations that trigger a flush, at most (the destination may ask for fewer)
     * @param commitRows operations written since the last commit after which a flush also commits, at most
     * @param observer told of each durable checkpoint, or null
     */
    public EngineOperations(
            Destination destination,
            SchemaManager schema,
            SyncMetrics metrics,
            StateStore stateStore,
            State startState,
            String startStateJson,
            int flushRows,
            int commitRows,
            CheckpointObserver observer) {
        this.destination = destination;
        this.schema = schema;
        this.metrics = metrics;
        this.stateStore = stateStore;
        this.savedState = startState.copy();
        this.savedStateJson = startStateJson;
        WriteLimits own = destination.limits();
        this.limits = new WriteLimits(
                Math.min(flushRows, own.flushRows()),
                own.flushBytes(),
                Math.min(commitRows, own.commitRows()),
                own.commitBytes());
        this.observer = observer;
        this.writerThread = new WriterThread(new WriterThread.RowSink() {
            @Override
            public void accept(TableWriter writer, RowOperation op, Object[] values, String mask, long bytes) {
                writer.write(op, values, mask, batchTime);
                if (writer != lastApplied) {
                    lastApplied = writer;
                    lastAppliedCount = appliedSinceCommit.computeIfAbsent(writer, w -> new long[1]);
                }
                lastAppliedCount[0]++;
                uncommitted++;
                uncommittedBytes += bytes;
                pendingBytes += bytes;
                if (++pending >= limits.flushRows() || pendingBytes >= limits.flushBytes()) {
                    flushAll();
                    if (uncommitted >= limits.commitRows() || uncommittedBytes >= limits.commitBytes()) {
                        commitWithoutState();
                    }
                }
            }

            @Override
            public void batchDone() {
                batchTime = Instant.now();
            }
        });
    }

    /**
     * Makes the next operation fail with {@link SyncCancelledException}. Thread-safe; the first
     * reason wins.
     *
     * @param reason why, for the user, e.g. {@code cancelled by the user}
     */
    public void cancel(String reason) {
        if (cancelled == null) {
            cancelled = reason;
        }
    }

    private void checkCancelled() {
        String reason = cancelled;
        if (reason != null) {
            throw new SyncCancelledException(reason);
        }
    }

    /**
     * Runs work on the thread that owns the destination, after everything staged before,
     * and waits for it.
     *
     * @param work the work
     */
    public synchronized void onWriterThread(Runnable work) {
        writerThread.call(work);
    }

    @Override
    public synchronized void upsert(String table, Map<String, ?> row) {
        checkCancelled();
        TableWriter writer = writer(table, "upsert");
        Object[] values = convert(writer, table, requireRow(table, row, "upsert"), null);
        TableModel model = writer.table();
        if (model.syntheticKey()) {
            values[0] = hasher(model).hash(model.columns(), values, 0);
        } else {
            requireKeys(model, table, values, "upsert");
        }
        stage(writer, RowOperation.UPSERT, values, null);
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
        checkCancelled();
        TableWriter writer = writer(table, "update");
        TableModel model = writer.table();
        requireRealKey(model, table, "update");
        if (!model.exists()) {
            requireKeyNames(model, table, requireRow(table, modified, "update"), "update");
            metrics.updated(model.name());
            return;
        }
        boolean[] set = new boolean
                [model.columns().size() + requireRow(table, modified, "update").size()];
        Object[] values = convert(writer, table, modified, set);
        requireKeys(model, table, values, "update");
        StringBuilder mask = new StringBuilder(model.columns().size());
        for (int i = 0; i < model.columns().size(); i++) {
            mask.append(set[i] ? '1' : '0');
        }
        stage(writer, RowOperation.UPDATE, values, mask.toString());
        metrics.updated(model.name());
    }

    @Override
    public synchronized void delete(String table, Map<String, ?> keys) {
        checkCancelled();
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
        stage(writer, RowOperation.DELETE, values, null);
        metrics.deleted(model.name());
    }

    @Override
    public synchronized void truncate(String table) {
        checkCancelled();
        TableWriter writer = writer(table, "truncate");
        writerThread.call(() -> writer.truncate(Instant.now()));
        metrics.truncated(writer.table().name());
    }

    @Override
    public synchronized void checkpoint(State state) {
        checkCancelled();
        if (state == null) {
            throw new SyncException("checkpoint(null): pass the state to resume from, e.g. State.empty()");
        }
        State copy = state.copy();
        String json = StateJson.toJson(copy);
        String previous = savedStateJson;
        writerThread.call(() -> {
            flushAll();
            commit(new CheckpointState(json, previous));
            stateStore.write(json);
            savedStateJson = json;
            savedState = copy;
        });
        freshKeys.values().forEach(FreshKeys::checkpointed);
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
     * lets the destination do the work it deferred to the end of the sync.
     */
    public synchronized void finish() {
        writerThread.call(() -> {
            flushAll();
            commit(null);
            destination.finish(schema.tables());
        });
    }

    /** @return the state of the last checkpoint (or the start state) */
    public synchronized State savedState() {
        return savedState.copy();
    }

    /** @return the warnings reported so far */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Stops the writer thread. Idempotent. */
    public synchronized void close() {
        writerThread.close();
    }

    /**
     * Stops the writer thread without applying what is still queued, for a failed sync: afterwards
     * no thread touches the destination, which the caller then rolls back. Idempotent.
     */
    public void abort() {
        writerThread.abort();
    }

    private void stage(TableWriter writer, RowOperation op, Object[] values, String mask) {
        if (!writer.table().exists()) {
            writerThread.call(() -> {
                writer.createTable();
                metrics.schemaChanged();
            });
            freshKeys.put(writer, new FreshKeys(writer.table(), FreshKeys.DEFAULT_MAX_KEYS));
        }
        FreshKeys fresh = freshKeys.get(writer);
        if (fresh != null) {
            if (op == RowOperation.UPSERT) {
                op = fresh.upsert(values);
            } else {
                fresh.otherOperation();
            }
        }
        writerThread.add(writer, op, values, mask);
    }

    private void commitWithoutState() {
        long written = uncommitted;
        commit(null);
        if (!committedWithoutState) {
            committedWithoutState = true;
            LOG.info(
                    "{} operations written without a checkpoint: committing them without state (and so on every {}"
                            + " operations or {} MB) to keep memory bounded. A failed sync resumes from the last checkpoint and"
                            + " writes them again; checkpoint more often to redo less.",
                    written,
                    limits.commitRows(),
                    limits.commitBytes() >> 20);
        }
    }

    private void commit(CheckpointState checkpoint) {
        destination.commit(checkpoint);
        uncommitted = 0;
        uncommittedBytes = 0;
        appliedSinceCommit.forEach((writer, count) -> {
            metrics.committed(writer.table().name(), count[0]);
            count[0] = 0;
        });
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
     * On the writer thread.
     *
     * @param model a table
     * @return its writer, created on first use
     */
    public TableWriter writerFor(TableModel model) {
        return writers.computeIfAbsent(model.name(), name -> destination.writer(model));
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
        TableWriter[] created = new TableWriter[1];
        writerThread.call(() -> created[0] = writerFor(model));
        writer = created[0];
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
                throw new SyncException(
                        operation + "() into table '" + sourceTable + "' is missing primary-key column '" + key
                                + "': every " + operation + " must give all of " + model.keyNames());
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
                throw new SyncException(
                        operation + "() into table '" + sourceTable + "' is missing primary-key column '" + key
                                + "': every " + operation + " must give all of " + model.keyNames());
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
