/**
 * The DuckDB destination, internal: a schema of a DuckDB file written through Appenders and
 * set-based merges of staging tables, with DuckDB's memory policy and one database instance per file
 * shared by every sync of the process.
 */
package dev.sluice.engine.destination.duckdb;
