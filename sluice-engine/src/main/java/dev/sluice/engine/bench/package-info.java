/**
 * The write-path benchmark of {@code sluice bench}: a synthetic connector synced against the raw DuckDB
 * Appender, with rows/s, MB/s and peak memory.
 */
package dev.sluice.engine.bench;
