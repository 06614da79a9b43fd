/**
 * Keyset (scroll token) pagination of a REST API, incremental: state holds the last (updatedAt, id) read, so the next sync fetches only the changes.
 */
package dev.sluice.examples.paginationkeyset;
