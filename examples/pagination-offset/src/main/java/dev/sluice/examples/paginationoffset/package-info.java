/**
 * Offset/limit pagination of a REST API with the toolkit's OffsetPaging: a full sync that resumes at the saved offset.
 */
package dev.sluice.examples.paginationoffset;
