/**
 * Internal: the PostgreSQL destination. Rows reach the database by {@code COPY} only (into a
 * temporary staging table per destination table, or straight into a table the sync created), and
 * each flush applies a staging table with one set-based statement per run of same-kind operations.
 * The state of each checkpoint is written to {@code _sluice.checkpoint_state} in the same
 * transaction as the data before it. Names longer than PostgreSQL's 63-byte identifiers are
 * shortened by {@link dev.sluice.engine.destination.postgres.PostgresNames}.
 */
package dev.sluice.engine.destination.postgres;
