package dev.sluice.protocol.drive;

import dev.sluice.protocol.ProtocolLimits;
import dev.sluice.sdk.SyncException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Turns gRPC failures of calls to a {@code SourceConnector} server into messages that say what to do. */
final class RemoteFailures {

    private RemoteFailures() {}

    /**
     * @param target the server's HOST:PORT
     * @param call the RPC, e.g. {@code Update}
     * @param e the failure
     * @param messages messages of the stream received before the failure, -1 for unary calls
     * @param maxMessageBytes the inbound message limit in force
     * @return the exception to fail the sync with
     */
    static SyncException describe(
            String target, String call, StatusRuntimeException e, long messages, int maxMessageBytes) {
        Status status = e.getStatus();
        String detail = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        String where = messages < 0 ? "" : " after " + messages + " messages";
        String message = switch (status.getCode()) {
            case UNAVAILABLE ->
                messages <= 0
                        ? "Cannot reach a SourceConnector server at " + target + " (" + detail
                                + "): start the connector's"
                                + " server (e.g. `sluice serve`) or check --connector HOST:PORT"
                        : "The connection to " + target + " broke during " + call + where + " (" + detail
                                + "): the sync stops; state stays at the last checkpoint";
            case UNIMPLEMENTED ->
                "The server at " + target + " does not serve fivetran_sdk.v2.SourceConnector/" + call
                        + " (" + detail + "): it may speak another protocol version (V1 servers offer"
                        + " fivetran_sdk.Connector) or be a destination; Sluice speaks fivetran_sdk.v2";
            case RESOURCE_EXHAUSTED ->
                "A message from " + target + " during " + call + where + " is larger than the "
                        + (maxMessageBytes / (1024 * 1024)) + " MiB limit (" + detail + "): the connector must send"
                        + " smaller batches (at most " + ProtocolLimits.MAX_BATCH_RECORDS
                        + " records per Records message)";
            case CANCELLED, DEADLINE_EXCEEDED ->
                "The " + call + " call to " + target + " ended early" + where + " (" + detail
                        + "): the sync stops; state stays at the last checkpoint";
            default ->
                "The connector at " + target + " failed " + call + where + " (" + detail + ")"
                        + (messages >= 0 ? ": the sync stops; state stays at the last checkpoint" : "");
        };
        return new SyncException(message, e);
    }
}
