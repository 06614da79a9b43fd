package dev.sluice.engine.destination;

import dev.sluice.engine.schema.ColumnModel;
import dev.sluice.engine.schema.TableModel;
import java.time.Instant;

/**
 * Writes one table of a {@link Destination}: its DDL, and its row operations in bulk. Operations
 * are applied in the order they were written, at the latest by the next {@link #flush}; a flush
 * applies them with set-based statements, never a statement per row. Everything happens in the
 * destination's open transaction.
 *
 * <p>Values are canonical (see {@code dev.sluice.engine.values.ValueConverter}) and by column
 * position in {@link #table()}; the system columns {@code _fivetran_synced} and
 * {@code _fivetran_deleted} are the writer's to fill.
 *
 * <p>Not thread-safe: called on the engine's writer thread only.
 */
public interface TableWriter {

    /** @return the table's model */
    TableModel table();

    /**
     * Creates the table with its data columns, the system columns and its primary key (which the
     * writer may add later, by {@link Destination#finish}, as long as no key repeats meanwhile).
     */
    void createTable();

    /**
     * Applies everything written so far and lets go of whatever depends on the table's shape. Called
     * before the engine adds a column to the model or widens a column's type.
     *
     * @param synced the write time of the flush
     */
    void prepareSchemaChange(Instant synced);

    /**
     * Adds a column; existing rows get NULL.
     *
     * @param column the column, already in the model
     */
    void addColumn(ColumnModel column);

    /**
     * Widens a column's type, converting its values.
     *
     * @param column the column, whose model holds the new type already
     */
    void changeType(ColumnModel column);

    /**
     * Writes or buffers one operation.
     *
     * @param op what to do
     * @param values the row's canonical values by column position (missing trailing positions are NULL)
     * @param mask for {@link RowOperation#UPDATE}, {@code '1'} at each position the update sets; else null
     * @param synced the row's write time
     */
    void write(RowOperation op, Object[] values, String mask, Instant synced);

    /**
     * Applies every buffered operation, in order.
     *
     * @param synced the value of {@code _fivetran_synced} for the rows applied
     */
    void flush(Instant synced);

    /**
     * Soft-deletes every row of the table written before the call (flushing first).
     *
     * @param synced the write time
     */
    void truncate(Instant synced);
}
