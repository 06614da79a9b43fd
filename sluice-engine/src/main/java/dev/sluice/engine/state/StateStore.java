package dev.sluice.engine.state;

/**
 * Where a connection's state lives between syncs: the project's {@code files/state.json} for
 * {@code sluice debug} ({@link StateFileStore}), a database row on a server. The engine writes it only
 * after the destination committed the data before the checkpoint, together with a copy of the state,
 * so a store one checkpoint behind (the process died between the two) is repaired at the next start.
 *
 * <p>Implementations must make {@link #write} atomic: a reader sees the old text or the new one,
 * never a mix. Called from one thread at a time.
 */
public interface StateStore {

    /**
     * @return the saved state's JSON text, or null when none was saved
     * @throws dev.sluice.sdk.SyncException naming the store when it cannot be read
     */
    String read();

    /**
     * Replaces the saved state.
     *
     * @param json the state's JSON text
     * @throws dev.sluice.sdk.SyncException naming the store when it cannot be written
     */
    void write(String json);

    /** @return what the store is, for messages, e.g. the file's path */
    String describe();
}
