package dev.sluice.engine.destination;

/**
 * The state a destination committed with its last checkpoint.
 *
 * @param state the last checkpoint's state JSON
 * @param previous the checkpoint before's state JSON, or null
 */
public record StoredState(String state, String previous) {}
