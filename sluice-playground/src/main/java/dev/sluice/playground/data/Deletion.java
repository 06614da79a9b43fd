package dev.sluice.playground.data;

import java.time.Instant;

/**
 * An entry of the deletes feed: a user that was deleted.
 *
 * @param id the deleted user's id
 * @param deletedAt when it was deleted (simulated clock)
 */
public record Deletion(String id, Instant deletedAt) {}
