package dev.sluice.testkit;

import dev.sluice.engine.SyncMetrics;
import dev.sluice.engine.SyncResult;
import dev.sluice.sdk.State;
import java.time.Duration;
import java.util.List;

/**
 * How one sync run by a {@link ConnectorTester} ended. A failed sync is a result, not an
 * exception: check it with {@link #assertSucceeded()} or {@link #assertFailed()}. Immutable.
 */
public final class SyncOutcome {

    private final int number;
    private final SyncResult result;

    SyncOutcome(int number, SyncResult result) {
        this.number = number;
        this.result = result;
    }

    /** @return this sync's number among the tester's syncs, from 1 */
    public int number() {
        return number;
    }

    /** @return whether the sync succeeded */
    public boolean succeeded() {
        return result.succeeded();
    }

    /** @return why the sync failed, as the user would read it; null when it succeeded */
    public String failureMessage() {
        return result.failureMessage();
    }

    /** @return the exception that failed the sync; null when it succeeded */
    public Throwable failure() {
        return result.failure();
    }

    /**
     * @return the state the next sync starts from: the last checkpoint's, or the state this sync
     *     started from when it made no checkpoint
     */
    public State state() {
        return result.state();
    }

    /** @return the sync's counters: operations, checkpoints, rows per destination table */
    public SyncMetrics metrics() {
        return result.metrics();
    }

    /** @return the operations this sync wrote, by kind */
    public OperationCounts operations() {
        SyncMetrics metrics = result.metrics();
        return new OperationCounts(metrics.upserts(), metrics.updates(), metrics.deletes(), metrics.truncates());
    }

    /** @return durable checkpoints made by this sync */
    public long checkpoints() {
        return result.metrics().checkpoints();
    }

    /** @return the warnings the connector reported, in order */
    public List<String> warnings() {
        return result.warnings();
    }

    /** @return the sync's wall time */
    public Duration duration() {
        return result.duration();
    }

    /** @return the engine's full result */
    public SyncResult result() {
        return result;
    }

    /**
     * @return this run
     * @throws AssertionError with the failure message (and the failure as its cause) when the
     *     sync failed
     */
    public SyncOutcome assertSucceeded() {
        if (!succeeded()) {
            AssertionError error = new AssertionError("Sync " + number + " failed: " + failureMessage());
            if (failure() != null) {
                error.initCause(failure());
            }
            throw error;
        }
        return this;
    }

    /**
     * @return this run
     * @throws AssertionError when the sync succeeded
     */
    public SyncOutcome assertFailed() {
        if (succeeded()) {
            throw new AssertionError("Sync " + number + " succeeded but was expected to fail");
        }
        return this;
    }

    /**
     * @param messagePart text the failure message must contain
     * @return this run
     * @throws AssertionError when the sync succeeded or its message lacks {@code messagePart}
     */
    public SyncOutcome assertFailedWith(String messagePart) {
        assertFailed();
        if (failureMessage() == null || !failureMessage().contains(messagePart)) {
            throw new AssertionError("Sync " + number + " failed with \"" + failureMessage()
                    + "\", which does not contain \"" + messagePart + "\"");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Sync " + number + (succeeded() ? " succeeded" : " failed: " + failureMessage()) + " in "
                + duration().toMillis() + " ms (" + operations() + ", " + checkpoints() + " checkpoints)";
    }
}
