package dev.sluice.playground.data;

import java.time.Instant;

/**
 * A user record as the API returns it.
 *
 * @param id a UUID derived from the seed
 * @param name full name
 * @param email e-mail address
 * @param address postal address in one line (contains commas)
 * @param company the name of one of the {@link Company companies}
 * @param job job title (some contain commas)
 * @param createdAt when the user was created; never changes
 * @param updatedAt when the user last changed; at least {@code createdAt}
 */
public record User(
        String id,
        String name,
        String email,
        String address,
        String company,
        String job,
        Instant createdAt,
        Instant updatedAt) {}
