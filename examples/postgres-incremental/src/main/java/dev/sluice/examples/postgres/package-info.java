/**
 * Syncs two PostgreSQL tables incrementally (timestamp and sequence cursors, keyset reads, a checkpoint per batch) with the toolkit's JDBC reader.
 */
package dev.sluice.examples.postgres;
