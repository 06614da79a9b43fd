package dev.sluice.engine;

import dev.sluice.sdk.Connector;

/**
 * Runs one sync of a connector into the project's local DuckDB warehouse: reads the
 * configuration, resumes from the saved state, calls {@code schema()} then {@code update()},
 * applies every operation with Fivetran's semantics and saves state at each checkpoint.
 *
 * <p>One instance runs one sync. {@link #metrics()} may be read from other threads while
 * {@link #run()} works.
 */
public final class LocalSync {

    private final Connector connector;
    private final SyncOptions options;
    private final SyncMetrics metrics = new SyncMetrics();

    /**
     * @param connector the connector to run
     * @param options where and how
     */
    public LocalSync(Connector connector, SyncOptions options) {
        this.connector = connector;
        this.options = options;
    }

    /** @return the live counters */
    public SyncMetrics metrics() {
        return metrics;
    }

    /**
     * Runs the sync. Failures (bad input, a connector exception, a warehouse error) do not throw:
     * they end the sync with a failed result whose message says what is wrong; state stays at the
     * last checkpoint and the warehouse holds exactly the data of that checkpoint.
     *
     * @return how the sync ended
     */
    public SyncResult run() {
        throw new UnsupportedOperationException("engine under construction");
    }
}
