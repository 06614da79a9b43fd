package dev.sluice.playground.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A department of a {@link Company}.
 *
 * @param id a UUID derived from the seed
 * @param companyId the company's id
 * @param name department name, unique within the company
 * @param headCount number of people
 * @param updatedAt when the department last changed
 */
public record Department(
        String id,
        @JsonProperty("company_id") String companyId,
        String name,
        @JsonProperty("head_count") int headCount,
        Instant updatedAt) {}
