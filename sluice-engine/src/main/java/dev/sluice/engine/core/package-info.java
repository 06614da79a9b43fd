/**
 * The engine itself, internal: the {@code Operations} a connector writes to (conversion, schema
 * changes, batching, flushes and checkpoints by the destination's limits), the writer thread that
 * applies them in order, and the state a sync starts from. Knows no database: it writes through the
 * {@code destination} interface.
 */
package dev.sluice.engine.core;
