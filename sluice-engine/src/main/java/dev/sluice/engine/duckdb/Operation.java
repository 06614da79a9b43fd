package dev.sluice.engine.duckdb;

/**
 * The kinds of row operation a table writer takes, with the code stored in the stage's {@code _op}
 * column; {@link #APPEND} rows are never staged.
 */
public enum Operation {
    /** Insert or replace the whole row. */
    UPSERT,
    /** Change the masked columns of an existing row. */
    UPDATE,
    /** Soft-delete an existing row. */
    DELETE,
    /** Insert a row whose key the table certainly does not hold, straight into the table. */
    APPEND
}
