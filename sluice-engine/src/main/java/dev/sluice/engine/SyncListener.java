package dev.sluice.engine;

/**
 * Told how a sync goes, for progress displays and run records. Every method has an empty default.
 * Calls come from the runtime's threads, never while the sync waits on them for long: keep them
 * short. An exception thrown by a listener is logged and otherwise ignored.
 */
public interface SyncListener {

    /** A listener that does nothing. */
    SyncListener NONE = new SyncListener() {};

    /**
     * The sync started.
     *
     * @param syncId the sync's id, also in the {@code sync_id} MDC entry of its log lines
     */
    default void started(String syncId) {}

    /**
     * Called about twice a second while the sync runs.
     *
     * @param metrics the sync's live counters
     */
    default void progress(SyncMetrics metrics) {}

    /**
     * The sync ended, however it ended; the last call.
     *
     * @param result how
     */
    default void finished(SyncResult result) {}
}
