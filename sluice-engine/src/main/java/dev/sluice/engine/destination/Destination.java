package dev.sluice.engine.destination;

import dev.sluice.engine.schema.TableModel;
import java.util.Collection;
import java.util.Map;

/**
 * Where one sync writes: a database schema holding the connector's tables, and the state saved with
 * them. The engine opens a destination per sync (through a {@link DestinationFactory}), reads its
 * tables and stored state, then writes through one {@link TableWriter} per table and commits at
 * checkpoints. A destination owns its database's memory and write policy: it says when the engine
 * must flush and commit ({@link #limits()}), and what it does between transactions (reopening
 * connections, building indexes) is its own business.
 *
 * <p><b>Transactions.</b> From {@link DestinationFactory#open} to {@link #close()} the destination is
 * always inside one open transaction. {@link #commit(CheckpointState)} makes everything written
 * since the previous commit durable at once, together with the checkpoint's state when one is
 * given, and opens the next transaction. So the saved state never runs ahead of the data before it:
 * a process killed at any moment leaves the data and the state of the last commit.
 *
 * <p><b>Threading.</b> Not thread-safe: every call, on the destination and on its table writers,
 * comes from the engine's one writer thread, in order.
 *
 * <p><b>Failures.</b> Every method throws {@link dev.sluice.sdk.SyncException} with a message that
 * names the destination (and the table, column or statement at fault). After a failure the engine
 * calls {@link #rollback()} then {@link #close()}; nothing of the open transaction is kept.
 */
public interface Destination extends AutoCloseable {

    /** @return what the destination is, for messages and logs, e.g. {@code DuckDB files/warehouse.db (schema tester)}; never holds a secret */
    String describe();

    /** @return the schema the sync's tables live in */
    String schema();

    /**
     * @return the sync's tables already in the schema, by destination name, with their data columns,
     *     types and primary keys (system columns are implicit)
     */
    Map<String, TableModel> loadTables();

    /** @return the state committed with the last checkpoint, or null when none was */
    StoredState storedState();

    /**
     * @return the naming rule the schema's tables were named by ({@code "fivetran"} or
     *     {@code "source"}), as recorded by {@link #recordNaming}; null when none was
     */
    String recordedNaming();

    /**
     * Records the naming rule of the schema's tables, in the open transaction. The engine calls it once,
     * at the start of a sync, only when {@link #recordedNaming()} found none.
     *
     * @param naming {@code "fivetran"} or {@code "source"}
     */
    void recordNaming(String naming);

    /**
     * Creates the writer of one table. The table need not exist yet ({@link TableWriter#createTable()}).
     *
     * @param table the table's model, which the engine keeps and changes (columns added, types widened)
     * @return its writer, owned by the destination and closed by {@link #close()}
     */
    TableWriter writer(TableModel table);

    /** @return when the engine must flush buffered operations and commit without a checkpoint */
    WriteLimits limits();

    /**
     * Commits the open transaction and opens the next one. Every table writer was flushed before.
     *
     * @param checkpoint the state to save in the same transaction, or null for a commit without a
     *     checkpoint (the stored state stays as it was)
     */
    void commit(CheckpointState checkpoint);

    /**
     * Called once after the last commit of a successful sync, for work the destination deferred to
     * the end (a DuckDB table created by this sync, or by an earlier one that died before its end,
     * gets its primary key here). Commits what it does.
     *
     * @param tables every table the sync knows: those found at its start and those it created
     */
    void finish(Collection<TableModel> tables);

    /** Rolls back the open transaction. Never throws. */
    void rollback();

    /** Rolls back anything still open and releases the connection and every table writer. Idempotent; never throws. */
    @Override
    void close();
}
