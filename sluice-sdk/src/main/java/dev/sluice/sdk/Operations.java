package dev.sluice.sdk;

import java.util.Map;

/**
 * Where a connector sends its data, handed to {@link Connector#update}.
 *
 * <p><b>Threading:</b> every method may be called from any thread; calls made by one thread
 * are applied in the order that thread made them. <b>Names:</b> table and column names are
 * given as the source names them; the engine renames them by the connection's naming rule
 * (Fivetran snake_case by default). <b>Errors:</b> a call that cannot be applied (an empty table
 * name, a missing key column, a value that does not fit its declared type) throws
 * {@link SyncException} naming the table, column and value at fault; if the connector lets it
 * propagate, the sync fails and the next sync starts from the last checkpoint.
 *
 * <p><b>Durability:</b> a checkpoint commits everything emitted before it together with its
 * state. What is emitted after the last checkpoint is rolled back when the sync fails, except
 * that a local sync commits every million operations or so without a checkpoint, to keep memory
 * bounded; the next sync starts from the last checkpoint and emits those operations again, which
 * gives the same tables. Checkpoint often enough that a failed sync has little to redo.
 */
public interface Operations {

    /**
     * Inserts a row, or replaces the whole row with the same primary key. Columns of the table
     * that are missing from {@code row} become NULL; a soft-deleted row comes back. A column
     * the table does not have yet is added (its type inferred from the first non-NULL value).
     *
     * @param table the table's source name, not empty
     * @param row column name to value; NULL values are allowed
     */
    void upsert(String table, Map<String, ?> row);

    /**
     * Upserts a Java record: each record component becomes a column, as with
     * {@link Table#fromRecord(String, Class)}.
     *
     * @param table the table's source name, not empty
     * @param row the record
     */
    void upsert(String table, Record row);

    /**
     * Changes only the given columns of the row with the given primary key. A key that is not
     * in the table is ignored.
     *
     * @param table the table's source name, not empty
     * @param modified every primary-key column plus the columns to change
     */
    void update(String table, Map<String, ?> modified);

    /**
     * Soft-deletes the row with the given primary key: the row stays, with
     * {@code _fivetran_deleted = true}. A key that is not in the table is ignored.
     *
     * @param table the table's source name, not empty
     * @param keys every primary-key column of the table, and nothing is required beyond them
     */
    void delete(String table, Map<String, ?> keys);

    /**
     * Soft-deletes every row of the table written before this call; rows written after it in
     * the same sync are untouched.
     *
     * @param table the table's source name, not empty
     */
    void truncate(String table);

    /**
     * Makes everything emitted before this call durable, then saves {@code state}; the next sync
     * starts from it. Blocks until both are done. The state is copied: later changes to the
     * object do not affect what was saved.
     *
     * @param state the state to resume from
     */
    void checkpoint(State state);

    /**
     * Reports a warning to the user; the sync goes on.
     *
     * @param message a non-empty message
     */
    void warning(String message);
}
