package dev.sluice.engine.destination;

/**
 * A checkpoint's state as a destination stores it, committed with the data before it.
 *
 * @param json the new state, as JSON text
 * @param previousJson the state it replaces, or null; kept so that a state file one checkpoint
 *     behind can be recognised and repaired
 */
public record CheckpointState(String json, String previousJson) {}
