package dev.sluice.engine;

import dev.sluice.sdk.State;

/**
 * Told of each checkpoint once its data and state are durable. Test tools use it to stop a sync
 * right after a given checkpoint, as a crash would.
 */
@FunctionalInterface
public interface CheckpointObserver {

    /**
     * Called on the thread that called {@code checkpoint}, after the state is saved. An exception
     * thrown here fails the sync as if the connector had thrown it.
     *
     * @param number the checkpoint's number in this sync, from 1
     * @param state the saved state
     */
    void checkpointed(int number, State state);
}
