package dev.sluice.protocol.drive;

import fivetran_sdk.v2.UpdateRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * One {@code Update} stream, read ahead: gRPC's executor parses each message and turns it into a
 * {@code T} (decoding values off the engine's thread), at most {@value #AHEAD} messages ahead of
 * the consumer; the consumer takes them in order with {@link #next()}. Flow control is manual, so
 * a slow consumer slows the server down (HTTP/2 backpressure) instead of filling memory.
 *
 * @param <R> a message as gRPC delivers it
 * @param <T> what a message is turned into
 */
final class UpdateReadAhead<R, T> implements ClientResponseObserver<UpdateRequest, R> {

    static final int AHEAD = 16;
    private static final Object END = new Object();

    private final Function<R, T> decode;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD + 2);
    private ClientCallStreamObserver<UpdateRequest> call;

    UpdateReadAhead(Function<R, T> decode) {
        this.decode = decode;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<UpdateRequest> requestStream) {
        this.call = requestStream;
        requestStream.disableAutoRequestWithInitial(AHEAD);
    }

    @Override
    public void onNext(R message) {
        Object item;
        try {
            item = decode.apply(message);
        } catch (RuntimeException e) {
            item = new Failure(e);
        }
        queue.add(item);
    }

    @Override
    public void onError(Throwable error) {
        queue.add(new Failure(error));
    }

    @Override
    public void onCompleted() {
        queue.add(END);
    }

    /**
     * @return the next message, or null when the stream completed
     * @throws RuntimeException the stream's error (a {@code StatusRuntimeException}) or a decoding failure, in
     *     stream order
     * @throws InterruptedException when interrupted while waiting
     */
    @SuppressWarnings("unchecked")
    T next() throws InterruptedException {
        Object item = queue.take();
        if (item == END) {
            return null;
        }
        if (item instanceof Failure failure) {
            if (failure.error() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(failure.error());
        }
        call.request(1);
        return (T) item;
    }

    /** Stops the stream, e.g. when the consumer failed. */
    void cancel(String why) {
        if (call != null) {
            call.cancel(why, null);
        }
    }

    private record Failure(Throwable error) {}
}
