/**
 * Next-URL pagination of a REST API with the toolkit's NextUrlPaging, incremental by updated_since with a TimestampCursor.
 */
package dev.sluice.examples.paginationnexturl;
