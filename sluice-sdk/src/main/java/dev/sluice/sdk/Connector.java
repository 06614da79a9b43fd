package dev.sluice.sdk;

import java.util.List;

/**
 * A custom data connector: the one class a connector author writes.
 *
 * <p>The engine finds the connector through {@code META-INF/services/dev.sluice.sdk.Connector},
 * which must name exactly one class with a public no-argument constructor. For each sync the
 * engine calls, in this order and on one thread: {@link #schema(Configuration)} once, then
 * {@link #update(Configuration, State, Operations)} once. {@link #configurationForm()} is only
 * called by tools that show or test the setup form.
 *
 * <p>To fail a sync, throw: the message reaches the user, data emitted since the last
 * checkpoint is rolled back (but for what a long stretch without checkpoints already committed,
 * see {@link Operations}) and the saved state stays at the last checkpoint.
 */
public interface Connector {

    /**
     * Declares tables: their primary keys and any column whose type must be forced. Columns not
     * declared here are inferred from the values the connector emits. A declared table is
     * created even if no row is ever written to it.
     *
     * @param configuration the connection's configuration
     * @return the declared tables; an empty list (the default) declares nothing
     * @throws Exception to fail the sync before {@code update} is called
     */
    default List<Table> schema(Configuration configuration) throws Exception {
        return List.of();
    }

    /**
     * Reads the source and emits its changes through {@code operations}.
     *
     * <p>Operations may be called from several threads; each thread's calls are applied in the
     * order it made them. Call {@link Operations#checkpoint(State)} regularly on long syncs:
     * everything emitted before a checkpoint is durable once it returns.
     *
     * @param configuration the connection's configuration
     * @param state the state saved by the last checkpoint, or {@link State#empty()} on a first
     *     sync
     * @param operations where data and checkpoints go
     * @throws Exception to fail the sync; state stays at the last checkpoint
     */
    void update(Configuration configuration, State state, Operations operations) throws Exception;

    /**
     * The setup form shown to whoever configures a connection, with its named connection tests.
     *
     * @return the form; {@link ConfigurationForm#empty()} by default
     */
    default ConfigurationForm configurationForm() {
        return ConfigurationForm.empty();
    }
}
