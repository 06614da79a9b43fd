package dev.sluice.engine;

import dev.sluice.sdk.State;
import java.time.Duration;
import java.util.List;

/**
 * How a sync ended.
 *
 * @param succeeded whether the sync succeeded
 * @param failureMessage why it failed, for the user; null on success
 * @param failure the exception that failed it; null on success
 * @param metrics the sync's counters
 * @param duration wall time of the sync
 * @param state the last saved state (the input state when nothing was checkpointed)
 * @param warnings the warnings the connector reported
 */
public record SyncResult(
        boolean succeeded,
        String failureMessage,
        Throwable failure,
        SyncMetrics metrics,
        Duration duration,
        State state,
        List<String> warnings) {

    /** @return whether the sync was cancelled or passed its deadline (then it did not succeed) */
    public boolean cancelled() {
        return failure instanceof SyncCancelledException;
    }

    /** @return rows (upserts + updates + deletes) per second of wall time */
    public double rowsPerSecond() {
        double seconds = Math.max(duration.toNanos(), 1) / 1e9;
        return metrics.totalRows() / seconds;
    }
}
