/**
 * Cursor (next token) pagination of a REST API with the toolkit's CursorPaging: a full sync that resumes from the saved token.
 */
package dev.sluice.examples.paginationcursor;
