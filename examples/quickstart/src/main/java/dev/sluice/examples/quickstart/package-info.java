/**
 * A fuller starting point: an emulated shop API, declared and inferred tables, an incremental cursor in state, updates and deletes across runs.
 */
package dev.sluice.examples.quickstart;
