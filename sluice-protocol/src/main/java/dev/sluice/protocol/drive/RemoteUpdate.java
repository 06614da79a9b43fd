package dev.sluice.protocol.drive;

import dev.sluice.engine.state.StateJson;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.Operations;
import dev.sluice.sdk.State;
import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.SchemaResponse;
import fivetran_sdk.v2.UpdateRequest;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code Update} calls: sends the configuration, the state as JSON and the selection, reads
 * the stream ahead through an {@link UpdateDecoder}, replays it with an {@link UpdateReplay}, and
 * cancels the stream when the replay stops early. Each call runs on the caller's thread; calls may
 * run at once.
 */
final class RemoteUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteConnector.class);

    private final ServerChannel server;
    private final UpdateSelection selection;
    private final UpdateDecoder decoder;

    RemoteUpdate(ServerChannel server, SelectionFile selection) {
        this.server = server;
        this.selection = new UpdateSelection(selection);
        this.decoder = new UpdateDecoder(server.target(), selection);
    }

    /**
     * @param configuration the configuration
     * @param state the state to resume from
     * @param schema the last {@code Schema} reply, or null
     * @param operations where the stream goes
     * @throws SyncException naming the server and what went wrong; state stays at the last checkpoint
     */
    void run(Configuration configuration, State state, SchemaResponse schema, Operations operations) {
        UpdateRequest.Builder request = UpdateRequest.newBuilder()
                .putAllConfiguration(configuration.asMap())
                .setSelection(selection.forSchema(schema));
        if (!state.isEmpty()) {
            request.setStateJson(StateJson.toJson(state));
        }
        UpdateReplay replay = new UpdateReplay(server.target(), operations);
        UpdateReadAhead<byte[], DecodedMessage> stream = new UpdateReadAhead<>(decoder::decode);
        server.startUpdate(request.build(), stream);
        boolean completed = false;
        try {
            DecodedMessage message;
            while ((message = stream.next()) != null) {
                replay.apply(message);
            }
            completed = true;
        } catch (StatusRuntimeException e) {
            throw server.failure("Update", e, replay.messages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("Interrupted while reading the Update stream from " + server.target(), e);
        } finally {
            if (!completed) {
                stream.cancel("the sync stopped");
            }
        }
        LOG.info("Update stream from {} complete: {} messages", server.target(), replay.messages());
    }
}
