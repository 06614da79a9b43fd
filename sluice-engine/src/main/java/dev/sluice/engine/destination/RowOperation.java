package dev.sluice.engine.destination;

/** The row operations a {@link TableWriter} takes. */
public enum RowOperation {
    /** Insert, or replace the whole row with that key; a soft-deleted row comes back. */
    UPSERT,
    /** Change the masked columns of the row with that key; an unknown key is ignored. */
    UPDATE,
    /** Soft-delete the row with that key; an unknown key is ignored. */
    DELETE,
    /**
     * An upsert whose key the table certainly does not hold (the engine knows it wrote every key of a
     * table this sync created): the writer may insert it without looking for an existing row.
     */
    APPEND
}
