package dev.sluice.engine.runtime;

import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sync started by {@link SyncRuntime#start}: its id, its live counters, a way to stop it and its
 * result. Thread-safe.
 */
public final class SyncHandle {

    private final String id;
    private final SyncExecution execution;
    private final CompletableFuture<SyncResult> result = new CompletableFuture<>();
    private volatile Thread thread;

    SyncHandle(String id, SyncExecution execution) {
        this.id = id;
        this.execution = execution;
    }

    void runOn(Thread thread) {
        this.thread = thread;
    }

    void complete(SyncResult outcome) {
        result.complete(outcome);
    }

    /** @return the sync's id, also the {@code sync_id} MDC entry of every log line it writes */
    public String id() {
        return id;
    }

    /** @return the live counters, readable while the sync runs */
    public SyncMetrics metrics() {
        return execution.metrics();
    }

    /**
     * Stops the sync: the connector's next operation throws
     * {@link dev.sluice.engine.SyncCancelledException} and its thread is interrupted (so that a
     * connector blocked in I/O or a sleep wakes up). The sync then ends cancelled, with state and data
     * at the last checkpoint. Does nothing once the sync ended; the first reason wins.
     *
     * @param reason why, shown as the sync's failure message
     */
    public void cancel(String reason) {
        if (result.isDone()) {
            return;
        }
        execution.cancel(reason);
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Cancels the sync with the reason "cancelled". */
    public void cancel() {
        cancel("cancelled");
    }

    /** @return whether the sync ended */
    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the sync to end. An interrupt of the waiting thread cancels the sync and waits on.
     *
     * @return how it ended
     */
    public SyncResult await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancel("interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sync never completes exceptionally", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @param timeout how long to wait at most
     * @return how the sync ended, or empty when it still runs
     * @throws InterruptedException when the waiting thread is interrupted (the sync goes on)
     */
    public Optional<SyncResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sync never completes exceptionally", e);
        }
    }
}
