package dev.sluice.protocol;

import fivetran_sdk.v2.Checkpoint;
import fivetran_sdk.v2.ConfigurationFormRequest;
import fivetran_sdk.v2.ConfigurationFormResponse;
import fivetran_sdk.v2.Record;
import fivetran_sdk.v2.RecordType;
import fivetran_sdk.v2.Records;
import fivetran_sdk.v2.SchemaRequest;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.SourceConnectorGrpc;
import fivetran_sdk.v2.UpdateRequest;
import fivetran_sdk.v2.UpdateResponse;
import fivetran_sdk.v2.ValueType;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/** A hand-scripted SourceConnector server on a free loopback port, for misbehaving-server tests. */
final class FakeSourceServer implements AutoCloseable {

    private final Server server;
    private final int port;
    volatile UpdateRequest lastUpdate;

    FakeSourceServer(SchemaResponse schema, BiConsumer<FakeSourceServer, StreamObserver<UpdateResponse>> update)
            throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new SourceConnectorGrpc.SourceConnectorImplBase() {
                    @Override
                    public void configurationForm(
                            ConfigurationFormRequest request, StreamObserver<ConfigurationFormResponse> response) {
                        response.onNext(ConfigurationFormResponse.getDefaultInstance());
                        response.onCompleted();
                    }

                    @Override
                    public void schema(SchemaRequest request, StreamObserver<SchemaResponse> response) {
                        response.onNext(schema);
                        response.onCompleted();
                    }

                    @Override
                    public void update(UpdateRequest request, StreamObserver<UpdateResponse> response) {
                        lastUpdate = request;
                        update.accept(FakeSourceServer.this, response);
                    }
                })
                .build()
                .start();
        port = server.getPort();
    }

    String target() {
        return "localhost:" + port;
    }

    void kill() {
        server.shutdownNow();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static SchemaResponse noSchema() {
        return SchemaResponse.newBuilder().setSchemaResponseNotSupported(true).build();
    }

    static UpdateResponse rows(String table, int from, int to) {
        Records.Builder records = Records.newBuilder();
        for (int id = from; id < to; id++) {
            records.addRecords(Record.newBuilder()
                    .setTableName(table)
                    .setType(RecordType.UPSERT)
                    .putData("id", ValueType.newBuilder().setInt(id).build())
                    .putData(
                            "name",
                            ValueType.newBuilder().setString("row " + id).build()));
        }
        return UpdateResponse.newBuilder().setRecords(records).build();
    }

    static UpdateResponse checkpoint(String json) {
        return UpdateResponse.newBuilder()
                .setCheckpoint(Checkpoint.newBuilder().setStateJson(json))
                .build();
    }

    static void send(StreamObserver<UpdateResponse> stream, List<UpdateResponse> messages) {
        messages.forEach(stream::onNext);
    }
}
