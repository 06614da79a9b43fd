package dev.sluice.protocol.drive;

import dev.sluice.engine.state.StateJson;
import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.protocol.values.SchemaMessages;
import dev.sluice.protocol.values.ValueDecoder;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import dev.sluice.sdk.TestResult;
import fivetran_sdk.v2.ConfigurationFormRequest;
import fivetran_sdk.v2.ConfigurationFormResponse;
import fivetran_sdk.v2.ConfigurationTest;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.SchemaRequest;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.SchemaSelection;
import fivetran_sdk.v2.Selection;
import fivetran_sdk.v2.SourceConnectorGrpc;
import fivetran_sdk.v2.TableSelection;
import fivetran_sdk.v2.TablesWithNoSchema;
import fivetran_sdk.v2.TablesWithSchema;
import fivetran_sdk.v2.TestRequest;
import fivetran_sdk.v2.TestResponse;
import fivetran_sdk.v2.UpdateRequest;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.ValueType;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connector that runs elsewhere: any {@code fivetran_sdk.v2.SourceConnector} gRPC server, seen
 * as a Sluice {@link Connector} so that the engine syncs it with exactly the semantics of an
 * in-process connector. {@link #schema} calls {@code Schema}; {@link #update} calls {@code Update}
 * with the configuration, the state as JSON and a selection of every declared table and column
 * less the {@link SelectionFile}'s exclusions, then replays each message onto the engine's
 * {@link Operations}: records as upsert, update, delete or truncate (values decoded by
 * {@link ValueDecoder}), checkpoints as {@code checkpoint} (their {@code state_json} must be a
 * JSON object), warnings as {@code warning}. A {@code Task}, a broken stream or a bad message
 * fails the sync with a message naming the server and what went wrong; the state stays at the last
 * checkpoint. Exclusions are also enforced here, whatever the server does with them.
 *
 * <p>One instance talks to one server; {@link #close()} releases the connection. Calls run on the
 * caller's thread.
 */
public final class RemoteConnector implements Connector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);
    private static final long UNARY_DEADLINE_MINUTES = 10;
    /** Update, its responses handed over as bytes: {@link RecordsParser} reads records messages itself. */
    private static final MethodDescriptor<UpdateRequest, byte[]> UPDATE = SourceConnectorGrpc.getUpdateMethod()
            .toBuilder(ProtoUtils.marshaller(UpdateRequest.getDefaultInstance()), new BytesMarshaller()).build();
    private static final UpdateResponse RECORDS = UpdateResponse.newBuilder()
            .setRecords(fivetran_sdk.v2.Records.getDefaultInstance()).build();

    private final String target;
    private final ManagedChannel channel;
    private final SelectionFile selection;
    private final int maxMessageBytes;
    private volatile SchemaResponse lastSchema;

    private RemoteConnector(String target, ManagedChannel channel, SelectionFile selection, int maxMessageBytes) {
        this.target = target;
        this.channel = channel;
        this.selection = selection;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @param target the server, {@code HOST:PORT} (IPv6 hosts in brackets)
     * @param selection what to leave out
     * @return a connector for that server; nothing is sent until a call
     * @throws SyncException when {@code target} is not HOST:PORT
     */
    public static RemoteConnector connect(String target, SelectionFile selection) {
        return connect(target, selection, ProtocolLimits.MAX_MESSAGE_BYTES);
    }

    /**
     * @param target the server, {@code HOST:PORT}
     * @param selection what to leave out
     * @param maxMessageBytes the largest message accepted from the server
     * @return a connector for that server
     * @throws SyncException when {@code target} is not HOST:PORT
     */
    public static RemoteConnector connect(String target, SelectionFile selection, int maxMessageBytes) {
        int colon = target == null ? -1 : target.lastIndexOf(':');
        String host = colon > 0 ? target.substring(0, colon) : "";
        int port = -1;
        try {
            port = colon > 0 ? Integer.parseInt(target.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new SyncException("'" + target + "' is not a server address: give HOST:PORT, e.g. localhost:50051");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(host, port, InsecureChannelCredentials.create())
                .maxInboundMessageSize(maxMessageBytes)
                // Update has no deadline: pings find a server that vanished without closing the connection
                .keepAliveTime(5, TimeUnit.MINUTES)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .build();
        return new RemoteConnector(target, channel, selection, maxMessageBytes);
    }

    /** @return the server's address as given */
    public String target() {
        return target;
    }

    /**
     * Runs the server's setup tests in the order its form lists them, reporting each as
     * {@code [label]: PASSED} or {@code [label]: FAILED: message}, and stops at the first failure.
     *
     * @param configuration the configuration to test
     * @param report where each line goes
     * @throws SyncException with the failing test's label and message, or when the server fails
     */
    public void runSetupTests(Configuration configuration, Consumer<String> report) {
        ConfigurationFormResponse form = unary("ConfigurationForm",
                () -> stub().configurationForm(ConfigurationFormRequest.getDefaultInstance()));
        for (ConfigurationTest test : form.getTestsList()) {
            TestResult result = test(test.getName(), configuration);
            String label = test.getLabel().isBlank() ? test.getName() : test.getLabel();
            if (!result.passed()) {
                report.accept("[" + label + "]: FAILED: " + result.message());
                throw new SyncException("Setup test '" + label + "' failed: " + result.message()
                        + ". Fix the configuration (or the source) and run again");
            }
            report.accept("[" + label + "]: PASSED");
        }
    }

    /**
     * @param name a test of the server's form
     * @param configuration the configuration to test
     * @return the server's verdict
     * @throws SyncException when the call fails
     */
    public TestResult test(String name, Configuration configuration) {
        TestResponse response = unary("Test", () -> stub().test(TestRequest.newBuilder().setName(name)
                .putAllConfiguration(configuration.asMap()).build()));
        return switch (response.getResponseCase()) {
            case SUCCESS -> response.getSuccess() ? TestResult.success() : TestResult.failure("the test reported no success");
            case FAILURE -> TestResult.failure(response.getFailure());
            default -> TestResult.failure("the server answered Test '" + name + "' with neither success nor failure");
        };
    }

    /** Calls {@code Schema}; tables excluded by the selection are left out. */
    @Override
    public List<Table> schema(Configuration configuration) {
        SchemaResponse response = unary("Schema", () -> stub().schema(SchemaRequest.newBuilder()
                .putAllConfiguration(configuration.asMap()).build()));
        lastSchema = response;
        List<fivetran_sdk.v2.Table> declared = switch (response.getResponseCase()) {
            case WITHOUT_SCHEMA -> response.getWithoutSchema().getTablesList();
            case WITH_SCHEMA -> flatten(response);
            default -> List.of();
        };
        List<Table> tables = new ArrayList<>();
        for (fivetran_sdk.v2.Table wire : declared) {
            if (!selection.includesTable(wire.getName())) {
                continue;
            }
            for (fivetran_sdk.v2.Column column : wire.getColumnsList()) {
                if (column.getPrimaryKey() && !selection.includesColumn(wire.getName(), column.getName())) {
                    throw new SyncException("The selection excludes column '" + column.getName() + "' of table '"
                            + wire.getName() + "', which is part of its primary key: a key column cannot be left out");
                }
            }
            fivetran_sdk.v2.Table.Builder kept = wire.toBuilder().clearColumns();
            wire.getColumnsList().stream().filter(c -> selection.includesColumn(wire.getName(), c.getName()))
                    .forEach(kept::addColumns);
            tables.add(SchemaMessages.fromProto(kept.build()));
        }
        warnAboutUnknownExclusions(declared);
        return tables;
    }

    private static List<fivetran_sdk.v2.Table> flatten(SchemaResponse response) {
        List<fivetran_sdk.v2.Table> tables = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (fivetran_sdk.v2.Schema schema : response.getWithSchema().getSchemasList()) {
            for (fivetran_sdk.v2.Table table : schema.getTablesList()) {
                if (!names.add(table.getName())) {
                    throw new SyncException("Table '" + table.getName() + "' is declared in more than one schema:"
                            + " Sluice's local warehouse has a single schema, so table names must be unique");
                }
                tables.add(table);
            }
        }
        return tables;
    }

    private void warnAboutUnknownExclusions(List<fivetran_sdk.v2.Table> declared) {
        if (declared.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        declared.forEach(t -> names.add(t.getName()));
        Set<String> unknown = new LinkedHashSet<>(selection.excludedTables());
        unknown.addAll(selection.excludedColumns().keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            LOG.warn("The selection names tables that the server at {} does not declare in Schema: {} (declared: {}); they are left out if they appear in the data", target,
                    unknown, names);
        }
    }

    /** Calls {@code Update} and replays its stream onto {@code operations}. */
    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        UpdateRequest.Builder request = UpdateRequest.newBuilder()
                .putAllConfiguration(configuration.asMap())
                .setSelection(selection());
        if (!state.isEmpty()) {
            request.setStateJson(StateJson.toJson(state));
        }
        StreamReplay replay = new StreamReplay(operations);
        UpdateCall<byte[], Decoded> call = new UpdateCall<>(this::decode);
        ClientCalls.asyncServerStreamingCall(channel.newCall(UPDATE, CallOptions.DEFAULT), request.build(), call);
        boolean completed = false;
        try {
            Decoded message;
            while ((message = call.next()) != null) {
                replay.apply(message);
            }
            completed = true;
        } catch (StatusRuntimeException e) {
            throw RemoteFailures.describe(target, "Update", e, replay.messages, maxMessageBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("Interrupted while reading the Update stream from " + target, e);
        } finally {
            if (!completed) {
                call.cancel("the sync stopped");
            }
        }
        LOG.info("Update stream from {} complete: {} messages", target, replay.messages);
    }

    private Selection selection() {
        Map<String, TableSelection.Builder> tables = new LinkedHashMap<>();
        SchemaResponse schema = lastSchema;
        List<fivetran_sdk.v2.Table> declared = schema == null ? List.of() : switch (schema.getResponseCase()) {
            case WITHOUT_SCHEMA -> schema.getWithoutSchema().getTablesList();
            case WITH_SCHEMA -> flatten(schema);
            default -> List.of();
        };
        for (fivetran_sdk.v2.Table table : declared) {
            TableSelection.Builder selected = tables.computeIfAbsent(table.getName(), this::tableSelection);
            for (fivetran_sdk.v2.Column column : table.getColumnsList()) {
                selected.putColumns(column.getName(), selection.includesColumn(table.getName(), column.getName()));
            }
        }
        selection.excludedTables().forEach(name -> tables.computeIfAbsent(name, this::tableSelection));
        selection.excludedColumns().forEach((table, columns) -> {
            TableSelection.Builder selected = tables.computeIfAbsent(table, this::tableSelection);
            columns.forEach(column -> selected.putColumns(column, false));
        });
        if (schema != null && schema.getResponseCase() == SchemaResponse.ResponseCase.WITH_SCHEMA) {
            return withSchemas(schema, tables);
        }
        TablesWithNoSchema.Builder all = TablesWithNoSchema.newBuilder().setIncludeNewTables(true);
        tables.values().forEach(all::addTables);
        return Selection.newBuilder().setWithoutSchema(all).build();
    }

    /**
     * The selection in the shape of a {@code with_schema} reply: every schema included, each with
     * the selections of its own tables, and of the tables the selection file names but no schema
     * declared (tables are flattened by name into one warehouse schema).
     */
    private static Selection withSchemas(SchemaResponse schema, Map<String, TableSelection.Builder> tables) {
        Set<String> declaredAnywhere = new HashSet<>();
        schema.getWithSchema().getSchemasList()
                .forEach(s -> s.getTablesList().forEach(table -> declaredAnywhere.add(table.getName())));
        TablesWithSchema.Builder all = TablesWithSchema.newBuilder().setIncludeNewSchemas(true);
        for (fivetran_sdk.v2.Schema declared : schema.getWithSchema().getSchemasList()) {
            SchemaSelection.Builder selected = SchemaSelection.newBuilder().setSchemaName(declared.getName())
                    .setIncluded(true).setIncludeNewTables(true);
            declared.getTablesList().forEach(table -> selected.addTables(tables.get(table.getName())));
            tables.forEach((name, table) -> {
                if (!declaredAnywhere.contains(name)) {
                    selected.addTables(table);
                }
            });
            all.addSchemas(selected);
        }
        return Selection.newBuilder().setWithSchema(all).build();
    }

    private TableSelection.Builder tableSelection(String table) {
        return TableSelection.newBuilder().setTableName(table).setIncluded(selection.includesTable(table))
                .setIncludeNewColumns(true);
    }

    private SourceConnectorGrpc.SourceConnectorBlockingStub stub() {
        return SourceConnectorGrpc.newBlockingStub(channel).withDeadlineAfter(UNARY_DEADLINE_MINUTES, TimeUnit.MINUTES);
    }

    private interface Call<T> {
        T run();
    }

    private <T> T unary(String name, Call<T> call) {
        try {
            return call.run();
        } catch (StatusRuntimeException e) {
            throw RemoteFailures.describe(target, name, e, -1, maxMessageBytes);
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A message of the stream as the engine's thread applies it.
     *
     * @param records the decoded records of a {@code records} or {@code record} message, else null
     * @param message the message itself
     */
    private record Decoded(List<DecodedRecord> records, UpdateResponse message) {
    }

    /**
     * Runs on gRPC's executor: parses a message and decodes the values of its records, so the engine's
     * thread only applies them. Records messages are read straight from their bytes.
     */
    private Decoded decode(byte[] bytes) {
        UpdateResponse message;
        try {
            List<DecodedRecord> records = RecordsParser.parse(bytes);
            if (records != null) {
                if (!selection.excludedTables().isEmpty()) {
                    records.removeIf(record -> !selection.includesTable(record.table()));
                }
                if (!selection.excludedColumns().isEmpty()) {
                    for (DecodedRecord record : records) {
                        record.data().keySet().removeIf(column -> !selection.includesColumn(record.table(), column));
                    }
                }
                return new Decoded(records, RECORDS);
            }
            message = UpdateResponse.parseFrom(bytes);
        } catch (IOException e) {
            throw new SyncException("The server at " + target + " sent a message that is not a fivetran_sdk.v2"
                    + " UpdateResponse (" + e.getMessage() + "): it speaks another protocol", e);
        }
        return decode(message);
    }

    private Decoded decode(UpdateResponse message) {
        return switch (message.getOperationCase()) {
            case RECORDS -> {
                List<DecodedRecord> records = new ArrayList<>(message.getRecords().getRecordsCount());
                for (Record record : message.getRecords().getRecordsList()) {
                    if (selection.includesTable(record.getTableName())) {
                        records.add(decode(record));
                    }
                }
                yield new Decoded(records, message);
            }
            case RECORD -> new Decoded(selection.includesTable(message.getRecord().getTableName())
                    ? List.of(decode(message.getRecord())) : List.of(), message);
            default -> new Decoded(null, message);
        };
    }

    private DecodedRecord decode(Record record) {
        String table = record.getTableName();
        Map<String, Object> data = new LinkedHashMap<>(record.getDataCount() * 2);
        for (Map.Entry<String, ValueType> entry : record.getDataMap().entrySet()) {
            if (selection.includesColumn(table, entry.getKey())) {
                data.put(entry.getKey(), ValueDecoder.decode(table, entry.getKey(), entry.getValue()));
            }
        }
        return new DecodedRecord(table, record.getType(), record.getTypeValue(), data);
    }

    /** Hands a message over as its bytes. */
    private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Applies the messages of one {@code Update} stream in order. */
    private final class StreamReplay {
        private final Operations operations;
        private final Set<String> warnedTables = new LinkedHashSet<>();
        private long messages;
        private long checkpoints;

        StreamReplay(Operations operations) {
            this.operations = operations;
        }

        void apply(Decoded decoded) {
            messages++;
            UpdateResponse message = decoded.message();
            switch (message.getOperationCase()) {
                case RECORDS, RECORD -> decoded.records().forEach(this::record);
                case CHECKPOINT -> checkpoint(message.getCheckpoint().getStateJson());
                case WARNING -> operations.warning(message.getWarning().getMessage().isBlank()
                        ? "(the connector sent an empty warning)" : message.getWarning().getMessage());
                case TASK -> throw new SyncException("The connector at " + target + " stopped the sync with a task: "
                        + message.getTask().getMessage());
                case SCHEMA_CHANGE -> schemaChange(message);
                default -> throw new SyncException("Message " + messages + " of the Update stream from " + target
                        + " holds an operation this protocol version does not know (field "
                        + message.getUnknownFields().asMap().keySet() + "): the server speaks a newer protocol than"
                        + " fivetran_sdk.v2 as Sluice knows it");
            }
        }

        private void record(DecodedRecord record) {
            String table = record.table();
            switch (record.type()) {
                case UPSERT -> operations.upsert(table, record.data());
                case UPDATE -> operations.update(table, record.data());
                case DELETE -> operations.delete(table, record.data());
                case TRUNCATE -> operations.truncate(table);
                default -> throw new SyncException("Table '" + table + "': the connector at " + target
                        + " sent a record of unknown type " + record.typeValue()
                        + ": use UPSERT, UPDATE, DELETE or TRUNCATE");
            }
        }

        private void checkpoint(String json) {
            checkpoints++;
            State state;
            try {
                state = StateJson.parse(json.isBlank() ? "{}" : json, "checkpoint");
            } catch (SyncException e) {
                String shown = json.length() > 80 ? json.substring(0, 80) + "..." : json;
                throw new SyncException("Checkpoint " + checkpoints + " from " + target + " carries a state_json"
                        + " that is not a JSON object (" + shown + "): the connector must checkpoint a JSON object;"
                        + " state stays at the last good checkpoint", e);
            }
            operations.checkpoint(state);
        }

        private void schemaChange(UpdateResponse message) {
            List<fivetran_sdk.v2.Table> tables = message.getSchemaChange().hasWithSchema()
                    ? message.getSchemaChange().getWithSchema().getSchemasList().stream()
                            .flatMap(s -> s.getTablesList().stream()).toList()
                    : message.getSchemaChange().getWithoutSchema().getTablesList();
            for (fivetran_sdk.v2.Table table : tables) {
                table.getColumnsList().forEach(column -> SchemaMessages.fromProto(table.getName(), column));
                boolean keyed = table.getColumnsList().stream().anyMatch(fivetran_sdk.v2.Column::getPrimaryKey);
                if (keyed && warnedTables.add(table.getName())) {
                    LOG.warn("The connector at {} announced table '{}' with a primary key during the sync: Sluice takes"
                            + " primary keys from the Schema call only, so declare it there", target, table.getName());
                }
            }
        }
    }
}
