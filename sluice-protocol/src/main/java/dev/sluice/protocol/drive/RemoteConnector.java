package dev.sluice.protocol.drive;

import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.protocol.values.ValueDecoder;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Connector;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import dev.sluice.sdk.Table;
import dev.sluice.sdk.TestResult;
import java.util.List;
import java.util.function.Consumer;

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

    private final ServerChannel server;
    private final SetupTests setupTests;
    private final RemoteSchema schema;
    private final RemoteUpdate update;

    private RemoteConnector(ServerChannel server, SelectionFile selection) {
        this.server = server;
        this.setupTests = new SetupTests(server);
        this.schema = new RemoteSchema(server, selection);
        this.update = new RemoteUpdate(server, selection);
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
        return new RemoteConnector(ServerChannel.open(target, maxMessageBytes), selection);
    }

    /** @return the server's address as given */
    public String target() {
        return server.target();
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
        setupTests.runAll(configuration, report);
    }

    /**
     * @param name a test of the server's form
     * @param configuration the configuration to test
     * @return the server's verdict
     * @throws SyncException when the call fails
     */
    public TestResult test(String name, Configuration configuration) {
        return setupTests.run(name, configuration);
    }

    /** Calls {@code Schema}; tables excluded by the selection are left out. */
    @Override
    public List<Table> schema(Configuration configuration) {
        return schema.fetch(configuration);
    }

    /** Calls {@code Update} and replays its stream onto {@code operations}. */
    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        update.run(configuration, state, schema.last(), operations);
    }

    /** Closes the connection. */
    @Override
    public void close() {
        server.close();
    }
}
