/**
 * Reading a project's local DuckDB warehouse back, read-only: tables, rows and SQL queries for
 * {@code sluice tables}, {@code sluice query} and the test kit.
 */
package dev.sluice.engine.warehouse;
