package dev.sluice.engine.core;

import dev.sluice.engine.destination.RowOperation;
import dev.sluice.engine.destination.TableWriter;
import dev.sluice.sdk.SyncException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.MDC;

/**
 * The one thread that talks to the destination during a sync. Converted rows arrive in batches through a
 * bounded queue, so the connector's thread goes on reading and converting while this thread
 * writes (its log lines carry the sync's MDC context, such as the sync id). A batch closes at {@value #BATCH_ROWS} rows or about {@value #BATCH_BYTES}
 * bytes of values, so the rows in flight take a few dozen megabytes of heap however wide they are.
 * Everything else (DDL, truncates, checkpoints) runs here too, in order, while
 * the caller waits. A failure on this thread fails every later call with the same cause.
 *
 * <p>{@link #add} and {@link #call} must be called by one thread at a time (the caller
 * synchronises).
 */
final class WriterThread implements AutoCloseable {

    /** Receives staged rows on the writer thread. */
    interface RowSink {
        /** @param bytes the row's estimated size, {@link RowSize#estimate} */
        void accept(TableWriter writer, RowOperation op, Object[] values, String mask, long bytes);

        /** Called once per batch, after its rows. */
        void batchDone();
    }

    private static final int BATCH_ROWS = 1024;
    private static final long BATCH_BYTES = 1 << 20;
    private static final int QUEUE_BATCHES = 32;
    private static final Object STOP = new Object();

    private record Task(Runnable work, CompletableFuture<Void> done) {}

    private static final class Batch {
        final TableWriter[] writers = new TableWriter[BATCH_ROWS];
        final RowOperation[] ops = new RowOperation[BATCH_ROWS];
        final Object[][] values = new Object[BATCH_ROWS][];
        final String[] masks = new String[BATCH_ROWS];
        final long[] sizes = new long[BATCH_ROWS];
        int size;
        long bytes;
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final RowSink sink;
    private final Map<String, String> logContext;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean aborted;
    private boolean closed;
    private Batch batch = new Batch();

    /**
     * @param sink where rows go, on the writer thread
     */
    WriterThread(RowSink sink) {
        this.sink = sink;
        this.logContext = MDC.getCopyOfContextMap();
        this.thread = new Thread(this::loop, "sluice-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void add(TableWriter writer, RowOperation op, Object[] values, String mask) {
        Batch current = batch;
        int i = current.size++;
        current.writers[i] = writer;
        current.ops[i] = op;
        current.values[i] = values;
        current.masks[i] = mask;
        long bytes = RowSize.estimate(values);
        current.sizes[i] = bytes;
        current.bytes += bytes;
        if (current.size == BATCH_ROWS || current.bytes >= BATCH_BYTES) {
            batch = new Batch();
            put(current);
        }
    }

    /**
     * Runs work on the writer thread after every row added before, and waits for it.
     *
     * @param work the work
     * @throws SyncException (or the work's own runtime exception) when the work or earlier writing failed
     */
    void call(Runnable work) {
        if (batch.size > 0) {
            Batch current = batch;
            batch = new Batch();
            put(current);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new Task(work, done));
        try {
            done.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("Interrupted while waiting for the warehouse", e);
        }
    }

    private void put(Object item) {
        throwIfFailed();
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("Interrupted while handing rows to the warehouse", e);
        }
    }

    private void throwIfFailed() {
        Throwable cause = failure;
        if (cause != null) {
            throw rethrow(cause);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new SyncException(String.valueOf(cause.getMessage()), cause);
    }

    private void loop() {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            while (true) {
                Object item = queue.take();
                if (item == STOP) {
                    return;
                }
                if (item instanceof Task task) {
                    run(task);
                } else if (failure == null && !aborted) {
                    write((Batch) item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            MDC.clear();
        }
    }

    private void run(Task task) {
        if (failure != null || aborted) {
            task.done()
                    .completeExceptionally(
                            failure != null ? failure : new SyncException("The sync was stopped before this work ran"));
            return;
        }
        try {
            task.work().run();
            task.done().complete(null);
        } catch (Throwable t) {
            failure = t;
            task.done().completeExceptionally(t);
        }
    }

    private void write(Batch rows) {
        try {
            for (int i = 0; i < rows.size; i++) {
                sink.accept(rows.writers[i], rows.ops[i], rows.values[i], rows.masks[i], rows.sizes[i]);
            }
            sink.batchDone();
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * Stops the thread after the work queued so far and waits for it, even when the caller is
     * interrupted (the interrupt is kept for later), so that afterwards no other thread touches the
     * destination; rows not yet handed over are dropped. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(STOP);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the thread without doing the work still queued (it belongs to a failed sync), and waits
     * for it, so that the caller may then roll back on a connection no other thread uses.
     */
    void abort() {
        aborted = true;
        close();
    }
}
