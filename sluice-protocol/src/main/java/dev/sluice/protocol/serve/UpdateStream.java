package dev.sluice.protocol.serve;

import dev.sluice.engine.state.StateJson;
import dev.sluice.engine.values.RecordValues;
import dev.sluice.engine.values.TypeInference;
import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.protocol.values.SchemaMessages;
import dev.sluice.protocol.values.ValueEncoder;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import fivetran_sdk.v2.Checkpoint;
import fivetran_sdk.v2.Column;
import fivetran_sdk.v2.RecordType;
import fivetran_sdk.v2.SchemaChange;
import fivetran_sdk.v2.TableList;
import fivetran_sdk.v2.Task;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.Warning;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Operations} a served connector writes to: each call becomes part of the
 * {@code Update} stream. Records go out in {@code Records} batches of at most
 * {@value ProtocolLimits#MAX_BATCH_RECORDS} records and about {@value ProtocolLimits#MAX_BATCH_BYTES}
 * bytes; a table that {@code schema()} did not declare is announced with a {@code SchemaChange}
 * before its first record; a checkpoint or warning first sends the batch before it.
 *
 * <p><b>Backpressure:</b> a message is handed to gRPC only while the stream is ready (HTTP/2 flow
 * control), so a slow client slows the connector down instead of filling memory. <b>Threading:</b>
 * any thread may call; calls are serialized, each thread's in its order. Once the client cancels,
 * every call throws {@link SyncException}.
 */
final class UpdateStream implements Operations {

    private final ServerCallStreamObserver<Object> observer;
    private final SelectionFilter selection;
    private final Object ready = new Object();
    private final Map<String, Table> declared = new LinkedHashMap<>();
    private final Set<String> announced = new HashSet<>();
    private final Map<String, Boolean> allColumns = new java.util.HashMap<>();
    private List<byte[]> batch = new ArrayList<>(ProtocolLimits.MAX_BATCH_RECORDS);
    private int batchBytes;
    private long messages;
    private volatile boolean cancelled;
    private volatile Thread worker;
    private boolean closed;

    UpdateStream(ServerCallStreamObserver<Object> observer, SelectionFilter selection) {
        this.observer = observer;
        this.selection = selection;
        observer.setOnReadyHandler(this::wakeUp);
        observer.setOnCancelHandler(() -> {
            cancelled = true;
            wakeUp();
            Thread running = worker;
            if (running != null) {
                running.interrupt();
            }
        });
    }

    /** @param thread the thread running the connector: interrupted when the client cancels */
    void runOn(Thread thread) {
        this.worker = thread;
        if (cancelled) {
            thread.interrupt();
        }
    }

    /** @param tables the tables {@code schema()} declared: their values are encoded by declared type */
    synchronized void declare(List<Table> tables) {
        for (Table table : tables) {
            declared.put(table.name(), table);
            announced.add(table.name());
        }
    }

    @Override
    public void upsert(String table, Map<String, ?> row) {
        record(table, RecordType.UPSERT, row);
    }

    @Override
    public void upsert(String table, Record row) {
        if (row == null) {
            throw new SyncException("upsert() got no record (null)");
        }
        record(table, RecordType.UPSERT, RecordValues.toMap(row));
    }

    @Override
    public void update(String table, Map<String, ?> modified) {
        record(table, RecordType.UPDATE, modified);
    }

    @Override
    public void delete(String table, Map<String, ?> keys) {
        record(table, RecordType.DELETE, keys);
    }

    @Override
    public void truncate(String table) {
        record(table, RecordType.TRUNCATE, Map.of());
    }

    @Override
    public synchronized void checkpoint(State state) {
        String json = StateJson.toJson(state);
        flushBatch();
        send(UpdateResponse.newBuilder()
                .setCheckpoint(Checkpoint.newBuilder().setStateJson(json))
                .build());
    }

    @Override
    public synchronized void warning(String message) {
        if (message == null || message.isBlank()) {
            throw new SyncException("warning() needs a non-empty message");
        }
        flushBatch();
        send(UpdateResponse.newBuilder()
                .setWarning(Warning.newBuilder().setMessage(message))
                .build());
    }

    /** Sends what is left and completes the stream: the sync succeeded. */
    synchronized void finish() {
        flushBatch();
        closed = true;
        observer.onCompleted();
    }

    /**
     * Ends the stream as failed: a {@code Task} with the message (the sync stops, the user sees
     * why), then an error status for clients that do not read tasks. Records not yet sent are
     * dropped: the client keeps the state of the last checkpoint.
     *
     * @param message why, for the user
     */
    synchronized void fail(String message) {
        if (closed || cancelled) {
            return;
        }
        closed = true;
        boolean interrupted = Thread.interrupted();
        try {
            if (observer.isReady() || waitReady()) {
                observer.onNext(UpdateResponse.newBuilder()
                        .setTask(Task.newBuilder().setMessage(message))
                        .build());
            }
        } catch (RuntimeException e) {
            // the client is not reading; the error status below still ends the call
        }
        try {
            observer.onError(Status.ABORTED.withDescription(message).asRuntimeException());
        } catch (RuntimeException e) {
            // the client went away; nothing left to tell it
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return messages sent so far */
    synchronized long messages() {
        return messages;
    }

    private synchronized void record(String table, RecordType type, Map<String, ?> data) {
        if (table == null || table.isBlank()) {
            throw new SyncException(
                    "A " + type.name().toLowerCase(Locale.ROOT) + " names no table: give every operation a table name");
        }
        if (data == null) {
            throw new SyncException(
                    "Table '" + table + "': a " + type.name().toLowerCase(Locale.ROOT) + " got no row (null)");
        }
        if (!selection.includesTable(table)) {
            return;
        }
        if (announced.add(table)) {
            announce(table, data);
        }
        Table declaration = declared.get(table);
        boolean everyColumn = allColumns.computeIfAbsent(table, selection::includesAllColumns);
        List<String> columns = new ArrayList<>(data.size());
        List<ValueEncoder.Wire> values = new ArrayList<>(data.size());
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            String column = entry.getKey();
            if (!everyColumn
                    && !selection.includesColumn(table, column)
                    && !(declaration != null && declaration.primaryKey().contains(column))) {
                continue;
            }
            columns.add(column);
            values.add(ValueEncoder.wire(
                    table, column, declaration == null ? null : declaration.column(column), entry.getValue()));
        }
        byte[] record = RecordBytes.record(table, type.getNumber(), columns, values);
        if (!batch.isEmpty()
                && (batch.size() >= ProtocolLimits.MAX_BATCH_RECORDS
                        || batchBytes + record.length > ProtocolLimits.MAX_BATCH_BYTES)) {
            flushBatch();
        }
        batch.add(record);
        batchBytes += record.length;
    }

    private void announce(String table, Map<String, ?> firstRow) {
        flushBatch();
        fivetran_sdk.v2.Table.Builder described =
                fivetran_sdk.v2.Table.newBuilder().setName(table);
        for (Map.Entry<String, ?> entry : firstRow.entrySet()) {
            if (entry.getValue() != null && selection.includesColumn(table, entry.getKey())) {
                described.addColumns(Column.newBuilder()
                        .setName(entry.getKey())
                        .setType(SchemaMessages.toProto(
                                TypeInference.infer(entry.getValue()).type())));
            }
        }
        send(UpdateResponse.newBuilder()
                .setSchemaChange(SchemaChange.newBuilder()
                        .setWithoutSchema(TableList.newBuilder().addTables(described)))
                .build());
    }

    private void flushBatch() {
        if (batch.isEmpty()) {
            return;
        }
        byte[] records = RecordBytes.response(batch);
        batch = new ArrayList<>(ProtocolLimits.MAX_BATCH_RECORDS);
        batchBytes = 0;
        send(records);
    }

    /** @param message an {@link UpdateResponse}, or the bytes of one */
    private void send(Object message) {
        if (closed) {
            throw new SyncException(
                    "The Update stream is already closed: operations after the sync ended are not sent");
        }
        if (!observer.isReady() && !waitReady()) {
            throw new SyncException("The client cancelled the sync: stopping the connector");
        }
        observer.onNext(message);
        messages++;
    }

    /** @return true once the stream is ready, false when the client cancelled */
    private boolean waitReady() {
        synchronized (ready) {
            while (!cancelled && !observer.isReady()) {
                try {
                    ready.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SyncException("Interrupted while the client was not reading the stream", e);
                }
            }
        }
        return !cancelled;
    }

    private void wakeUp() {
        synchronized (ready) {
            ready.notifyAll();
        }
    }
}
