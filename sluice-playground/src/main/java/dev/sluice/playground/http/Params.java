package dev.sluice.playground.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads and checks query parameters; a bad one is a 400 naming it. */
final class Params {

    static final int MAX_PAGE_SIZE = 50;
    static final int DEFAULT_PAGE_SIZE = 10;

    private final Context ctx;

    Params(Context ctx) {
        this.ctx = ctx;
    }

    int integer(String name, int defaultValue, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, "must be a whole number, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw ApiError.badRequest(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    int pageSize(String name) {
        return integer(name, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    }

    /** @return the timestamp, or null when the parameter is absent */
    Instant instant(String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(
                    name,
                    "must be an ISO-8601 timestamp with a zone such as"
                            + " 2025-01-01T00:00:00.000Z (URL-encode a '+' offset as %2B), got '" + text + "'");
        }
    }

    String choice(String name, String defaultValue, List<String> allowed) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(text)) {
            throw ApiError.badRequest(name, "must be one of " + String.join(", ", allowed) + ", got '" + text + "'");
        }
        return text;
    }

    String text(String name) {
        String text = ctx.queryParam(name);
        return text == null || text.isEmpty() ? null : text;
    }
}
