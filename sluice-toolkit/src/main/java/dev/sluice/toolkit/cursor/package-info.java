/**
 * Incremental cursors kept in a connector's {@link dev.sluice.sdk.State}:
 * {@link dev.sluice.toolkit.cursor.TimestampCursor}, with a look-back window and an inclusive
 * boundary that emits nothing twice.
 */
package dev.sluice.toolkit.cursor;
