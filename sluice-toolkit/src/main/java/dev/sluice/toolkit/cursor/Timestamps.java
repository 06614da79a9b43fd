package dev.sluice.toolkit.cursor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
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

    private Timestamps() {}

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
        Instant utc = parseUtc(trimmed);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(
                            "Not an ISO-8601 timestamp: '" + text + "'; expected e.g. 2024-01-02T03:04:05Z");
                }
            }
        }
    }

    /**
     * The fast path for the form most APIs send, {@code uuuu-MM-ddTHH:mm:ss[.fraction]Z} (1 to 9
     * fraction digits), read without a {@code DateTimeFormatter}: a cursor reads one timestamp per
     * record.
     *
     * @return the instant, or null when the text has another form or impossible values (the general
     *     parser then reads it or reports it)
     */
    static Instant parseUtc(String text) {
        int length = text.length();
        if (length < 20
                || length == 21
                || length > 30
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || length > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        int nanos = fraction;
        for (int scale = length - 21; scale < 9; scale++) {
            nanos *= 10;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, length > 20 ? nanos : 0)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** @return the decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
