/**
 * Where state lives between syncs ({@link dev.sluice.engine.state.StateStore}), the project's
 * {@code files/state.json}, and state as JSON text.
 */
package dev.sluice.engine.state;
