package dev.sluice.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.UnknownFieldSet;
import dev.sluice.engine.SyncResult;
import dev.sluice.protocol.drive.RemoteConnector;
import dev.sluice.protocol.drive.SelectionFile;
import dev.sluice.protocol.serve.ConnectorServer;
import dev.sluice.protocol.serve.JsonLog;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationForm;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.TestResult;
import fivetran_sdk.v2.Column;
import fivetran_sdk.v2.DataType;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.RecordType;
import fivetran_sdk.v2.Records;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.SourceConnectorGrpc;
import fivetran_sdk.v2.Table;
import fivetran_sdk.v2.TableList;
import fivetran_sdk.v2.Task;
import fivetran_sdk.v2.UpdateRequest;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.ValueType;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misbehaving servers and bad messages: each sync fails with a message naming the server and what
 * to do, and the state stays at the last checkpoint.
 */
class BadInputIT {

    @TempDir
    Path project;

    private SyncResult sync(String target) {
        return Syncs.remote(target, project, Map.of(), SelectionFile.everything());
    }

    private String savedState() throws IOException {
        Path file = project.resolve("files/state.json");
        return Files.exists(file) ? Files.readString(file) : null;
    }

    @Test
    void aServerThatIsNotListeningIsNamedWithWhatToDo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SyncResult result = sync("localhost:" + port);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureMessage())
                .contains("Cannot reach a SourceConnector server at localhost:" + port, "UNAVAILABLE", "sluice serve");
        assertThat(savedState()).isNull();
    }

    @Test
    void aServerOfAnotherProtocolVersionIsNamed() throws Exception {
        MethodDescriptor<byte[], byte[]> v1Schema = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("fivetran_sdk.Connector/Schema")
                .setRequestMarshaller(new Bytes())
                .setResponseMarshaller(new Bytes())
                .build();
        Server v1 = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(ServerServiceDefinition.builder("fivetran_sdk.Connector")
                        .addMethod(v1Schema, ServerCalls.asyncUnaryCall((request, response) -> {
                            response.onNext(new byte[0]);
                            response.onCompleted();
                        }))
                        .build())
                .build()
                .start();
        try {
            SyncResult result = sync("localhost:" + v1.getPort());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage())
                    .contains(
                            "does not serve fivetran_sdk.v2.SourceConnector/Schema",
                            "UNIMPLEMENTED",
                            "another protocol version");
        } finally {
            v1.shutdownNow();
        }
    }

    @Test
    void aStreamThatBreaksHalfWayKeepsTheLastCheckpoint() throws Exception {
        try (FakeSourceServer server = new FakeSourceServer(FakeSourceServer.noSchema(), (self, stream) -> {
            FakeSourceServer.send(
                    stream,
                    List.of(
                            FakeSourceServer.rows("items", 0, 100),
                            FakeSourceServer.checkpoint("{\"page\":1}"),
                            FakeSourceServer.rows("items", 100, 200)));
            self.kill();
        })) {
            SyncResult result = sync(server.target());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage())
                    .contains(server.target(), "Update", "state stays at the last checkpoint");
            assertThat(savedState()).isEqualTo("{\"page\":1}");
            assertThat(WarehouseDump.of(project).get("items")).hasSize(1 + 100);
        }
    }

    @Test
    void aValueOfAnUnknownTypeIsNamedWithItsTableAndColumn() throws Exception {
        ValueType future = ValueType.newBuilder()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(
                                17,
                                UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                        .build())
                .build();
        try (FakeSourceServer server = new FakeSourceServer(FakeSourceServer.noSchema(), (self, stream) -> {
            FakeSourceServer.send(
                    stream,
                    List.of(
                            FakeSourceServer.rows("items", 0, 10),
                            FakeSourceServer.checkpoint("{\"page\":1}"),
                            UpdateResponse.newBuilder()
                                    .setRecords(Records.newBuilder()
                                            .addRecords(Record.newBuilder()
                                                    .setTableName("items")
                                                    .setType(RecordType.UPSERT)
                                                    .putData(
                                                            "id",
                                                            ValueType.newBuilder()
                                                                    .setInt(11)
                                                                    .build())
                                                    .putData("mystery", future)))
                                    .build()));
            stream.onCompleted();
        })) {
            SyncResult result = sync(server.target());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage())
                    .contains(
                            "Table 'items', column 'mystery'",
                            "type this protocol version does not know",
                            "field [17]");
            assertThat(savedState()).isEqualTo("{\"page\":1}");
        }
    }

    @Test
    void aDeclaredColumnOfAnUnknownTypeIsNamed() throws Exception {
        SchemaResponse schema = SchemaResponse.newBuilder()
                .setWithoutSchema(TableList.newBuilder()
                        .addTables(Table.newBuilder()
                                .setName("items")
                                .addColumns(Column.newBuilder()
                                        .setName("id")
                                        .setType(DataType.INT)
                                        .setPrimaryKey(true))
                                .addColumns(Column.newBuilder().setName("shape").setTypeValue(99))))
                .build();
        try (FakeSourceServer server = new FakeSourceServer(schema, (self, stream) -> stream.onCompleted())) {
            SyncResult result = sync(server.target());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage())
                    .contains("Table 'items', column 'shape'", "unknown column type", "DataType value 99");
        }
    }

    @Test
    void aMalformedStateKeepsTheLastGoodCheckpoint() throws Exception {
        try (FakeSourceServer server = new FakeSourceServer(FakeSourceServer.noSchema(), (self, stream) -> {
            FakeSourceServer.send(
                    stream,
                    List.of(
                            FakeSourceServer.rows("items", 0, 10),
                            FakeSourceServer.checkpoint("{\"page\":1}"),
                            FakeSourceServer.rows("items", 10, 20),
                            FakeSourceServer.checkpoint("{page: 2")));
            stream.onCompleted();
        })) {
            SyncResult result = sync(server.target());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage())
                    .contains("Checkpoint 2 from " + server.target(), "not a JSON object", "{page: 2");
            assertThat(savedState()).isEqualTo("{\"page\":1}");
            assertThat(WarehouseDump.of(project).get("items")).hasSize(1 + 10);
        }
    }

    @Test
    void anOversizedMessageIsNamedWithTheLimit() throws Exception {
        String big = "x".repeat(2 * 1024 * 1024);
        try (FakeSourceServer server = new FakeSourceServer(FakeSourceServer.noSchema(), (self, stream) -> {
                    FakeSourceServer.send(
                            stream,
                            List.of(
                                    FakeSourceServer.rows("items", 0, 10),
                                    FakeSourceServer.checkpoint("{\"page\":1}"),
                                    UpdateResponse.newBuilder()
                                            .setRecord(Record.newBuilder()
                                                    .setTableName("items")
                                                    .putData(
                                                            "id",
                                                            ValueType.newBuilder()
                                                                    .setInt(99)
                                                                    .build())
                                                    .putData(
                                                            "blob",
                                                            ValueType.newBuilder()
                                                                    .setString(big)
                                                                    .build()))
                                            .build()));
                    stream.onCompleted();
                });
                RemoteConnector remote =
                        RemoteConnector.connect(server.target(), SelectionFile.everything(), 1024 * 1024)) {
            SyncResult result = dev.sluice.engine.runtime.SyncRuntime.shared()
                    .run(
                            remote,
                            dev.sluice.engine.SyncOptions.forProject(project)
                                    .configuration(Map.of())
                                    .build());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage())
                    .contains("larger than the 1 MiB limit", "RESOURCE_EXHAUSTED", "smaller batches");
            assertThat(savedState()).isEqualTo("{\"page\":1}");
        }
    }

    @Test
    void aTaskStopsTheSyncWithItsMessage() throws Exception {
        try (FakeSourceServer server = new FakeSourceServer(FakeSourceServer.noSchema(), (self, stream) -> {
            FakeSourceServer.send(
                    stream,
                    List.of(
                            FakeSourceServer.rows("items", 0, 10),
                            FakeSourceServer.checkpoint("{\"page\":1}"),
                            FakeSourceServer.rows("items", 10, 20),
                            UpdateResponse.newBuilder()
                                    .setTask(Task.newBuilder().setMessage("The API key expired: renew it"))
                                    .build()));
            stream.onCompleted();
        })) {
            SyncResult result = sync(server.target());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.failureMessage()).contains("stopped the sync with a task: The API key expired: renew it");
            assertThat(savedState()).isEqualTo("{\"page\":1}");
            assertThat(WarehouseDump.of(project).get("items")).hasSize(1 + 10);
        }
    }

    @Test
    void aServedConnectorThatThrowsEndsTheStreamWithATaskAndKeepsTheCheckpoint() throws Exception {
        Connector failing = new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                operations.upsert("items", Map.of("id", 1));
                operations.checkpoint(State.empty().put("page", 1));
                operations.upsert("items", Map.of("id", 2));
                throw new SyncException("Source returned 503 for https://api.example.com/items: try again later");
            }
        };
        SyncResult result = Syncs.overGrpc(failing, project, Map.of());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureMessage()).contains("stopped the sync with a task: Source returned 503");
        assertThat(savedState()).isEqualTo("{\"page\":1}");
        assertThat(WarehouseDump.of(project).get("items")).hasSize(1 + 1);
    }

    @Test
    void aServedConnectorsUnexpectedExceptionNamesWhereInTheConnectorsCodeItHappened() {
        SyncResult result = Syncs.overGrpc(new NullDereferencingConnector(), project, Map.of());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureMessage())
                .contains("NullPointerException")
                .contains("(at " + NullDereferencingConnector.class.getName() + ".length(BadInputIT.java:");
    }

    /** A connector whose own helper dereferences null. */
    static final class NullDereferencingConnector implements Connector {
        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            operations.upsert("items", Map.of("id", length(configuration.get("absent"))));
        }

        private static int length(String s) {
            return s.length();
        }
    }

    @Test
    void aServedConnectorAnswersAMalformedStateWithInvalidArgument() {
        try (ConnectorServer server = ConnectorServer.start(new KitchenSinkConnector(), 0, null, JsonLog.quiet())) {
            ManagedChannel channel = Grpc.newChannelBuilderForAddress(
                            "localhost", server.port(), InsecureChannelCredentials.create())
                    .build();
            try {
                assertThatThrownBy(() -> SourceConnectorGrpc.newBlockingStub(channel)
                                .update(UpdateRequest.newBuilder()
                                        .setStateJson("[1, 2")
                                        .build())
                                .hasNext())
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                            assertThat(e.getStatus().getDescription())
                                    .contains("UpdateRequest.state_json", "not valid JSON");
                        });
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void aFailingSetupTestStopsBeforeTheSyncWithItsMessage() {
        Connector guarded = new Connector() {
            @Override
            public ConfigurationForm configurationForm() {
                return ConfigurationForm.builder()
                        .test("reach", "Reaching the API", cfg -> TestResult.success())
                        .test("auth", "Checking the API key", cfg -> TestResult.failure("API key rejected (401)"))
                        .build();
            }

            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                throw new AssertionError("must not run");
            }
        };
        try (ConnectorServer server = ConnectorServer.start(guarded, 0, null, JsonLog.quiet());
                RemoteConnector remote =
                        RemoteConnector.connect("localhost:" + server.port(), SelectionFile.everything())) {
            List<String> lines = new java.util.ArrayList<>();
            assertThatThrownBy(() -> remote.runSetupTests(Configuration.empty(), lines::add))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("Setup test 'Checking the API key' failed: API key rejected (401)");
            assertThat(lines)
                    .containsExactly(
                            "[Reaching the API]: PASSED", "[Checking the API key]: FAILED: API key rejected (401)");
        }
    }

    /** Passes bytes through unchanged. */
    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
