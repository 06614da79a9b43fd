package dev.sluice.protocol.drive;

import dev.sluice.sdk.SyncException;
import fivetran_sdk.v2.SourceConnectorGrpc;
import fivetran_sdk.v2.UpdateRequest;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The connection to one {@code SourceConnector} server: a plaintext channel that pings an idle
 * connection, unary calls under a deadline, the {@code Update} stream with its responses handed
 * over as bytes, and every call's gRPC failure turned into a {@link SyncException} that names the
 * server. Thread-safe, as gRPC's channel is.
 */
final class ServerChannel implements AutoCloseable {

    private static final long UNARY_DEADLINE_MINUTES = 10;
    /** Update, its responses handed over as bytes: {@link RecordsParser} reads records messages itself. */
    private static final MethodDescriptor<UpdateRequest, byte[]> UPDATE =
            SourceConnectorGrpc.getUpdateMethod().toBuilder(
                            ProtoUtils.marshaller(UpdateRequest.getDefaultInstance()), new BytesMarshaller())
                    .build();

    private final String target;
    private final ManagedChannel channel;
    private final int maxMessageBytes;

    private ServerChannel(String target, ManagedChannel channel, int maxMessageBytes) {
        this.target = target;
        this.channel = channel;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @param target the server, {@code HOST:PORT} (IPv6 hosts in brackets)
     * @param maxMessageBytes the largest message accepted from the server
     * @return the channel; nothing is sent until a call
     * @throws SyncException when {@code target} is not HOST:PORT
     */
    static ServerChannel open(String target, int maxMessageBytes) {
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
        return new ServerChannel(target, channel, maxMessageBytes);
    }

    /** @return the server's address as given */
    String target() {
        return target;
    }

    /**
     * @param name the RPC, for the message of a failure
     * @param call the call on a blocking stub with the unary deadline
     * @return the server's answer
     * @throws SyncException when the call fails
     */
    <T> T unary(String name, Function<SourceConnectorGrpc.SourceConnectorBlockingStub, T> call) {
        try {
            return call.apply(SourceConnectorGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(UNARY_DEADLINE_MINUTES, TimeUnit.MINUTES));
        } catch (StatusRuntimeException e) {
            throw failure(name, e, -1);
        }
    }

    /**
     * Starts {@code Update}, without a deadline.
     *
     * @param request the request
     * @param responses receives each response as its bytes
     */
    void startUpdate(UpdateRequest request, UpdateReadAhead<byte[], ?> responses) {
        ClientCalls.asyncServerStreamingCall(channel.newCall(UPDATE, CallOptions.DEFAULT), request, responses);
    }

    /**
     * @param call the RPC, e.g. {@code Update}
     * @param e its failure
     * @param messages messages of the stream received before the failure, -1 for unary calls
     * @return the exception to fail the sync with
     */
    SyncException failure(String call, StatusRuntimeException e, long messages) {
        return RemoteFailures.describe(target, call, e, messages, maxMessageBytes);
    }

    /** Closes the connection, waiting up to 5 seconds. */
    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
