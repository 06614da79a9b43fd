package dev.sluice.protocol.serve;

import fivetran_sdk.v2.SourceConnectorGrpc;
import fivetran_sdk.v2.UpdateRequest;
import fivetran_sdk.v2.UpdateResponse;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The service definition of a {@link SourceConnectorService} whose {@code Update} responses may be
 * pre-encoded: the stream carries either {@link UpdateResponse} messages or the {@code byte[]} of
 * one (see {@link RecordBytes}). Same method names, same wire format.
 */
final class UpdateMethod {

    private UpdateMethod() {}

    static ServerServiceDefinition bind(SourceConnectorService service) {
        MethodDescriptor<UpdateRequest, UpdateResponse> generated = SourceConnectorGrpc.getUpdateMethod();
        MethodDescriptor<UpdateRequest, Object> update = generated.toBuilder(
                        ProtoUtils.marshaller(UpdateRequest.getDefaultInstance()), new Responses())
                .build();
        ServerServiceDefinition.Builder definition = ServerServiceDefinition.builder(SourceConnectorGrpc.SERVICE_NAME);
        service.bindService().getMethods().stream()
                .filter(method ->
                        !method.getMethodDescriptor().getFullMethodName().equals(generated.getFullMethodName()))
                .forEach(definition::addMethod);
        definition.addMethod(update, ServerCalls.asyncServerStreamingCall(service::updateStream));
        return definition.build();
    }

    /** Pre-encoded bytes of known length (gRPC then frames them without copying them first). */
    private static final class Encoded extends ByteArrayInputStream implements KnownLength {
        Encoded(byte[] bytes) {
            super(bytes);
        }
    }

    /** Streams an {@link UpdateResponse} or pre-encoded bytes; parses into an {@link UpdateResponse}. */
    private static final class Responses implements MethodDescriptor.Marshaller<Object> {
        private final MethodDescriptor.Marshaller<UpdateResponse> messages =
                ProtoUtils.marshaller(UpdateResponse.getDefaultInstance());

        @Override
        public InputStream stream(Object value) {
            return value instanceof byte[] bytes ? new Encoded(bytes) : messages.stream((UpdateResponse) value);
        }

        @Override
        public Object parse(InputStream stream) {
            try {
                return UpdateResponse.parseFrom(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
