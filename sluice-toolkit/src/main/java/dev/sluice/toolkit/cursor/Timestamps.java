package dev.sluice.toolkit.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Reads the timestamps sources send as instants: ISO-8601 strings (with {@code Z}, an offset, or
 * without zone, read as UTC; a plain date is its UTC midnight), {@link Instant},
 * {@link OffsetDateTime}, {@link ZonedDateTime}, {@link LocalDateTime} (UTC), {@link Date} and
 * JSON text nodes.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * @param value a timestamp in one of the forms above
     * @return the instant
     * @throws IllegalArgumentException naming the value when it is not a timestamp
     */
    public static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof JsonNode node && node.isTextual()) {
            return parse(node.asText());
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString());
        }
        throw new IllegalArgumentException("Not a timestamp: " + value
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")")
                + "; use an ISO-8601 string such as 2024-01-02T03:04:05Z or an Instant");
    }

    private static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("Not an ISO-8601 timestamp: '" + text
                            + "'; expected e.g. 2024-01-02T03:04:05Z");
                }
            }
        }
    }
}
