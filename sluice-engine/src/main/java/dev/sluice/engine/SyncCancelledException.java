package dev.sluice.engine;

import dev.sluice.sdk.SyncException;

/**
 * Thrown into a connector's {@code update()} by the next operation after its sync was cancelled or
 * passed its deadline. A connector should let it propagate; the sync then ends cancelled, with its
 * state and data at the last checkpoint.
 */
public final class SyncCancelledException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** @param reason why the sync was stopped */
    public SyncCancelledException(String reason) {
        super(reason);
    }
}
