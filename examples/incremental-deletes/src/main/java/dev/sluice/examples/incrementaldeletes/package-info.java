/**
 * An inclusive timestamp feed with TimestampCursor plus a deletes feed that soft-deletes rows.
 */
package dev.sluice.examples.incrementaldeletes;
