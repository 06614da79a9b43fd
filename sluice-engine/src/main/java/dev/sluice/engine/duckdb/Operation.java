package dev.sluice.engine.duckdb;

/** The kinds of staged row operation, with the code stored in the stage's {@code _op} column. */
public enum Operation {
    /** Insert or replace the whole row. */
    UPSERT,
    /** Change the masked columns of an existing row. */
    UPDATE,
    /** Soft-delete an existing row. */
    DELETE
}
