package dev.sluice.protocol.serve;

import dev.sluice.engine.state.StateJson;
import dev.sluice.protocol.values.SchemaMessages;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import dev.sluice.sdk.TestResult;
import fivetran_sdk.v2.ConfigurationFormRequest;
import fivetran_sdk.v2.ConfigurationFormResponse;
import fivetran_sdk.v2.SchemaRequest;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.SourceConnectorGrpc;
import fivetran_sdk.v2.TableList;
import fivetran_sdk.v2.TestRequest;
import fivetran_sdk.v2.TestResponse;
import fivetran_sdk.v2.UpdateRequest;
import fivetran_sdk.v2.UpdateResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code fivetran_sdk.v2.SourceConnector} service of one Sluice {@link Connector}:
 * {@code ConfigurationForm} from its form, {@code Test} runs its named tests, {@code Schema} from
 * {@code schema()} ({@code without_schema}, or {@code schema_response_not_supported} when it
 * declares nothing), {@code Update} runs {@code update()} on its own thread and streams what it
 * emits. A connector that throws ends {@code Update} with a {@code Task} carrying its message;
 * the other calls answer with an error status naming the problem.
 */
final class SourceConnectorService extends SourceConnectorGrpc.SourceConnectorImplBase {

    /** How the configuration's messages name it: it comes with each request. */
    private static final String CLIENT_CONFIGURATION = "the configuration the client sends";

    private final Connector connector;
    private final ClassLoader contextLoader;
    private final JsonLog log;
    private final AtomicLong syncs = new AtomicLong();

    SourceConnectorService(Connector connector, ClassLoader contextLoader, JsonLog log) {
        this.connector = connector;
        this.contextLoader = contextLoader;
        this.log = log;
    }

    /** The configuration of a request, with the form's defaults for the keys it leaves out. */
    private Configuration withDefaults(Map<String, String> values) {
        return connector.configurationForm().withDefaults(Configuration.of(values, CLIENT_CONFIGURATION));
    }

    @Override
    public void configurationForm(
            ConfigurationFormRequest request, StreamObserver<ConfigurationFormResponse> response) {
        unary("ConfigurationForm", response, () -> FormMessages.toProto(connector.configurationForm()));
    }

    @Override
    public void test(TestRequest request, StreamObserver<TestResponse> response) {
        unary("Test", response, () -> {
            Configuration configuration = withDefaults(request.getConfigurationMap());
            TestResult result;
            try {
                result = connector.configurationForm().runTest(request.getName(), configuration);
            } catch (IllegalArgumentException e) {
                result = TestResult.failure(e.getMessage());
            }
            log.info("Test '" + request.getName() + "': "
                    + (result.passed() ? "PASSED" : "FAILED: " + result.message()));
            return result.passed()
                    ? TestResponse.newBuilder().setSuccess(true).build()
                    : TestResponse.newBuilder().setFailure(result.message()).build();
        });
    }

    @Override
    public void schema(SchemaRequest request, StreamObserver<SchemaResponse> response) {
        unary("Schema", response, () -> {
            List<Table> tables = connector.schema(withDefaults(request.getConfigurationMap()));
            if (tables == null || tables.isEmpty()) {
                return SchemaResponse.newBuilder()
                        .setSchemaResponseNotSupported(true)
                        .build();
            }
            TableList.Builder list = TableList.newBuilder();
            tables.forEach(table -> list.addTables(SchemaMessages.toProto(table)));
            return SchemaResponse.newBuilder()
                    .setWithoutSchema(list)
                    .setSelectionNotSupported(false)
                    .build();
        });
    }

    /**
     * {@code Update} on a stream that takes {@link UpdateResponse}s and pre-encoded ones ({@code byte[]}),
     * as bound by {@link UpdateMethod}.
     */
    void updateStream(UpdateRequest request, StreamObserver<Object> response) {
        ServerCallStreamObserver<Object> observer = (ServerCallStreamObserver<Object>) response;
        Configuration configuration = withDefaults(request.getConfigurationMap());
        State state;
        try {
            state = request.hasStateJson() && !request.getStateJson().isBlank()
                    ? StateJson.parse(request.getStateJson(), "UpdateRequest.state_json")
                    : State.empty();
        } catch (SyncException e) {
            log.severe(e.getMessage());
            observer.onError(
                    Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        SelectionFilter selection =
                request.hasSelection() ? SelectionFilter.of(request.getSelection()) : SelectionFilter.all();
        UpdateStream stream = new UpdateStream(observer, selection);
        long number = syncs.incrementAndGet();
        Thread worker = new Thread(() -> runUpdate(configuration, state, stream), "sluice-update-" + number);
        worker.setContextClassLoader(contextLoader);
        stream.runOn(worker);
        worker.start();
    }

    private void runUpdate(Configuration configuration, State state, UpdateStream stream) {
        long start = System.nanoTime();
        log.info("Update started from a state with keys " + state.asMap().keySet());
        try {
            List<Table> tables = connector.schema(configuration);
            stream.declare(tables == null ? List.of() : tables);
            connector.update(configuration, state, stream);
            stream.finish();
            log.info(String.format(
                    "Update finished: %,d messages in %.1f s", stream.messages(), (System.nanoTime() - start) / 1e9));
        } catch (Exception | Error e) {
            String message = (e instanceof SyncException || e.getMessage() == null
                            ? String.valueOf(
                                    e.getMessage() == null ? e.getClass().getName() : e.getMessage())
                            : e.getClass().getSimpleName() + ": " + e.getMessage())
                    + ConnectorFrame.of(e, connector.getClass())
                            .map(frame -> " (at " + frame + ")")
                            .orElse("");
            log.severe("Update failed: " + message);
            stream.fail(message);
        }
    }

    private <T> void unary(String call, StreamObserver<T> response, Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(contextLoader);
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            String message =
                    call + " failed: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            log.severe(message);
            response.onError(Status.INTERNAL.withDescription(message).asRuntimeException());
            return;
        } finally {
            thread.setContextClassLoader(previous);
        }
        response.onNext(result);
        response.onCompleted();
    }
}
