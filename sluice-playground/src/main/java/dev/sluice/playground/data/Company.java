package dev.sluice.playground.data;

import java.time.Instant;

/**
 * A company, the parent of {@link Department departments}.
 *
 * @param id a UUID derived from the seed
 * @param name company name
 * @param industry industry
 * @param createdAt when the company was created
 * @param updatedAt when the company or one of its departments last changed
 */
public record Company(String id, String name, String industry, Instant createdAt, Instant updatedAt) {}
